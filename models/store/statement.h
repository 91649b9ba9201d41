#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace spanscope {

// A prepared SQLite statement. Binding is 1-based like SQLite's; columns are 0-based.
class Statement {
public:
    Statement() = default;
    Statement(sqlite3 *db, std::string_view sql);
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, std::string_view text); // bound as TEXT, copied
    Statement &bindBlob(int index, const void *data, std::size_t size);
    Statement &bindNull(int index);
    template <typename T> Statement &bind(int index, const std::optional<T> &value) {
        return value ? bind(index, *value) : bindNull(index);
    }
    // Empty strings are stored as NULL.
    Statement &bindTextOrNull(int index, std::string_view text) {
        return text.empty() ? bindNull(index) : bind(index, text);
    }

    bool step(); // true while a row is available
    void run();  // step() for statements that return no rows, then reset()
    void reset();

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    // The text without a copy: valid until the next step(), reset() or column call.
    std::string_view textView(int column) const;
    std::string blob(int column) const;
    std::optional<double> optReal(int column) const {
        return isNull(column) ? std::nullopt : std::optional<double>(real(column));
    }
    std::optional<std::int64_t> optInt64(int column) const {
        return isNull(column) ? std::nullopt : std::optional<std::int64_t>(int64(column));
    }

private:
    [[noreturn]] void fail(const char *what) const;
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace spanscope
