#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace spanscope {

// Input that cannot be imported. what() names the file and the place: a byte offset (with its
// line when known) or a record path such as "request 3, step 17".
class IngestError : public std::runtime_error {
public:
    IngestError(std::string file, std::string where, const std::string &message);
    static IngestError atOffset(const std::string &file, std::int64_t offset,
                                const std::string &message, std::int64_t line = -1);

    const std::string &file() const { return m_file; }
    const std::string &where() const { return m_where; }
    const std::string &message() const { return m_message; }

private:
    std::string m_file;
    std::string m_where;
    std::string m_message;
};

// A file name as a user can read it on one line: control characters (a newline in a name)
// escaped as \n, \t or \xNN.
std::string printableName(const std::string &name);

// Thrown from inside a reader when the user cancelled; never shown as an error.
class ImportCancelled : public std::exception {
public:
    const char *what() const noexcept override { return "import cancelled"; }
};

} // namespace spanscope
