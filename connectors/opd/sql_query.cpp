#include "sql_query.h"

#include <cctype>

namespace hamhub::opd {

namespace {

bool isIdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

Status invalid(std::string message) { return Status::error("query: " + std::move(message), "invalid-option"); }

// Scans the statement once, copying it into `out`; the positions it skips are opaque text.
class Scanner {
 public:
  Scanner(std::string_view in, SqlBackend backend) : in_(in), backend_(backend) {}

  Result<SqlQuery> run() {
    SqlQuery query;
    bool ended = false;  // a ';' was seen: only blanks and comments may follow
    while (i_ < in_.size()) {
      const char c = in_[i_];
      if (std::isspace(static_cast<unsigned char>(c)) != 0) {
        copy(1);
      } else if (startsWith("--")) {
        const std::size_t end = in_.find('\n', i_);
        copy((end == std::string_view::npos ? in_.size() : end) - i_);
      } else if (startsWith("/*")) {
        if (Status st = blockComment(); !st) return st;
      } else if (ended) {
        return invalid("only one statement is allowed (text follows the ';')");
      } else if (c == ';') {
        ended = true;
        ++i_;
      } else if (c == '\'') {
        if (Status st = quoted('\'', escapesBackslash()); !st) return st;
      } else if (c == '"') {
        if (Status st = quoted('"', false); !st) return st;
      } else if (c == '$' && backend_ == SqlBackend::Postgres && !previousIsIdent()) {
        if (Status st = dollar(); !st) return st;
      } else if (startsWith(":cursor") && !(i_ > 0 && in_[i_ - 1] == ':') &&
                 !(i_ + 7 < in_.size() && isIdentChar(in_[i_ + 7]))) {
        out_ += backend_ == SqlBackend::Postgres ? "$1" : "?1";
        ++query.cursorSlots;
        i_ += 7;
      } else {
        if (firstWord_.empty() && std::isalpha(static_cast<unsigned char>(c)) != 0) firstWord_ = word();
        if (firstWord_.empty() && c != '(') return invalid("must start with SELECT or WITH");
        copy(1);
      }
    }
    if (firstWord_ != "SELECT" && firstWord_ != "WITH") {
      return invalid(firstWord_.empty() ? "is empty"
                                        : "must be a SELECT or WITH … SELECT statement, not " + firstWord_);
    }
    query.text = std::move(out_);
    return query;
  }

 private:
  bool startsWith(std::string_view s) const { return in_.substr(i_, s.size()) == s; }
  bool previousIsIdent() const { return i_ > 0 && isIdentChar(in_[i_ - 1]); }
  void copy(std::size_t n) {
    out_.append(in_.substr(i_, n));
    i_ += n;
  }

  // The upper-cased keyword at i_ (not consumed).
  std::string word() const {
    std::string w;
    for (std::size_t j = i_; j < in_.size() && isIdentChar(in_[j]); ++j)
      w += static_cast<char>(std::toupper(static_cast<unsigned char>(in_[j])));
    return w;
  }

  // PostgreSQL E'…' strings take backslash escapes; everywhere else a quote is doubled.
  bool escapesBackslash() const {
    return backend_ == SqlBackend::Postgres && i_ > 0 && (in_[i_ - 1] == 'E' || in_[i_ - 1] == 'e') &&
           !(i_ > 1 && isIdentChar(in_[i_ - 2]));
  }

  Status quoted(char quote, bool backslash) {
    std::size_t j = i_ + 1;
    while (j < in_.size()) {
      if (backslash && in_[j] == '\\') {
        j += 2;
      } else if (in_[j] == quote) {
        if (j + 1 < in_.size() && in_[j + 1] == quote) {
          j += 2;
        } else {
          copy(j + 1 - i_);
          return Status::ok();
        }
      } else {
        ++j;
      }
    }
    return invalid(std::string("unterminated ") + (quote == '"' ? "quoted identifier" : "string"));
  }

  // PostgreSQL nests block comments.
  Status blockComment() {
    std::size_t depth = 0;
    std::size_t j = i_;
    while (j + 1 < in_.size()) {
      if (in_[j] == '/' && in_[j + 1] == '*') {
        ++depth;
        j += 2;
      } else if (in_[j] == '*' && in_[j + 1] == '/') {
        j += 2;
        if (--depth == 0) {
          copy(j - i_);
          return Status::ok();
        }
      } else {
        ++j;
      }
    }
    return invalid("unterminated /* comment");
  }

  // $tag$ … $tag$ (tag may be empty); `$1` and the like are left as they are.
  Status dollar() {
    std::size_t j = i_ + 1;
    while (j < in_.size() && in_[j] != '$' && isIdentChar(in_[j])) ++j;
    if (j >= in_.size() || in_[j] != '$' ||
        (j > i_ + 1 && std::isdigit(static_cast<unsigned char>(in_[i_ + 1])) != 0)) {
      copy(1);
      return Status::ok();
    }
    const std::string_view tag = in_.substr(i_, j + 1 - i_);
    const std::size_t close = in_.find(tag, j + 1);
    if (close == std::string_view::npos) return invalid("unterminated dollar-quoted string " + std::string(tag));
    copy(close + tag.size() - i_);
    return Status::ok();
  }

  std::string_view in_;
  SqlBackend backend_;
  std::size_t i_ = 0;
  std::string out_;
  std::string firstWord_;
};

}  // namespace

Result<SqlQuery> prepareQuery(std::string_view query, SqlBackend backend) { return Scanner(query, backend).run(); }

}  // namespace hamhub::opd
