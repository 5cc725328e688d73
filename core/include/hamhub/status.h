#pragma once

/// @file status.h
/// @brief Errors as values: `Status` and `Result<T>`, used on every plugin boundary.
///
/// No exception crosses the boundary between the host and a plugin. A failing call returns a
/// `Status` that carries a human-readable message and a short machine-readable reason code
/// (e.g. `timeout`, `http-5xx`, `invalid-payload`) that the host stores and classifies.

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace hamhub {

/// @brief The outcome of an operation: ok, or an error with a message and a reason code.
///
/// Thread-safety: a value type; distinct objects may be used from distinct threads.
class [[nodiscard]] Status {
 public:
  Status() = default;

  /// @brief A success.
  static Status ok() { return {}; }

  /// @brief A failure.
  /// @param message what went wrong, phrased for an operator ("HTTP 503 from http://…").
  /// @param reason a stable, lower-case code for machines (`timeout`, `dns`, `invalid-option`…);
  ///        defaults to `error`.
  static Status error(std::string message, std::string reason = "error") {
    Status s;
    s.failed_ = true;
    s.message_ = std::move(message);
    s.reason_ = std::move(reason);
    return s;
  }

  bool isOk() const { return !failed_; }
  explicit operator bool() const { return !failed_; }

  /// @brief The message; empty for a success.
  const std::string& message() const { return message_; }

  /// @brief The reason code; empty for a success.
  const std::string& reason() const { return reason_; }

  /// @brief The same error with `context + ": "` in front of its message (successes unchanged).
  Status withContext(std::string_view context) const {
    if (!failed_) return *this;
    return error(std::string(context) + ": " + message_, reason_);
  }

 private:
  bool failed_ = false;
  std::string message_;
  std::string reason_;
};

/// @brief A value of type T, or the `Status` explaining why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool isOk() const { return state_.index() == 0; }
  explicit operator bool() const { return isOk(); }

  /// @brief The value. Precondition: `isOk()`.
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }

  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  /// @brief The error, or `Status::ok()` when there is a value.
  Status status() const { return isOk() ? Status::ok() : std::get<1>(state_); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace hamhub
