#pragma once

#include <cstddef>
#include <cstdint>

// The limits an import enforces against hostile or broken input. Each one is reached only by
// input no real tracer writes; when it is, the import says which limit, where, and what it did.
// docs/limits.md lists them for users.
namespace spanscope::limits {

// Containers nested inside one attribute, payload or NAT step. Deeper values are replaced by a
// short note and counted as a "nested-too-deep" warning, so no reader, no JSON copy or dump and
// no view ever recurses deeper than this. Real traces stay under 20.
inline constexpr std::size_t maxJsonNesting = 128;

// One JSON string (a prompt, a tool output, an attribute) in a JSON document read by nlohmann
// (NAT files, Jaeger, Zipkin, Phoenix): longer ones are cut to this while the file streams in,
// with a note of their length in the text and a "string-cut" warning, so memory does not follow
// the longest string. OTLP messages are bounded as a whole (OtlpMessages::maxMessageBytes).
inline constexpr std::size_t maxStringBytes = std::size_t(16) << 20;

// What a compressed trace dump may expand to: this many times its size on disk, but at least
// minDecompressedBytes. Collector dumps compress 10 to 30 times; a zstd bomb (1.3 MB that
// expands to 10.7 GB) stops here with an error, before the workspace fills the disk.
inline constexpr std::uint64_t maxExpansionRatio = 200;
inline constexpr std::uint64_t minDecompressedBytes = std::uint64_t(1) << 30;

// Free space an import leaves on the workspace's disk: checked before it starts and as it
// writes; below it the import stops with an error and the workspace stays as it was.
inline constexpr std::uint64_t minFreeDiskBytes = std::uint64_t(512) << 20;

} // namespace spanscope::limits
