#include "host/http/transport_error.h"

#include <exception>
#include <new>
#include <string>

#include <Poco/Exception.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>

#include "host/http/tls_context.h"

namespace hamhub::host {

namespace {

std::string timeoutText(HttpPhase phase, int timeoutMs) {
  const auto ms = std::to_string(timeoutMs) + " ms";
  switch (phase) {
    case HttpPhase::kConnect:
      return "could not connect within " + ms;
    case HttpPhase::kTlsHandshake:
      return "TLS handshake did not complete within " + ms;
    case HttpPhase::kAwaitResponse:
      return "no response within " + ms;
    case HttpPhase::kReadBody:
      return "no data for " + ms + " while reading the body";
  }
  return "timed out after " + ms;
}

Status make(std::string_view url, const std::string& what, const char* reason) {
  return Status::error(std::string(url) + ": " + what, reason);
}

}  // namespace

Status currentExceptionToStatus(std::string_view url, HttpPhase phase, int timeoutMs) {
  // Most specific first: the Poco hierarchy nests DNS, refusal and TLS under NetException.
  try {
    throw;
  } catch (const Poco::Net::DNSException& e) {
    return make(url, "cannot resolve host: " + e.displayText(), "dns");
  } catch (const Poco::Net::ConnectionRefusedException&) {
    return make(url, "connection refused", "connect-refused");
  } catch (const Poco::TimeoutException&) {
    return make(url, timeoutText(phase, timeoutMs), "timeout");
  } catch (const Poco::Net::SSLException& e) {
    const std::string why = takeTlsVerifyError();
    return make(url, "TLS failure: " + (why.empty() ? e.displayText() : "certificate refused: " + why), "tls");
  } catch (const Poco::Net::ConnectionResetException&) {
    return make(url, "connection reset by peer", "io");
  } catch (const Poco::Net::NoMessageException&) {
    return make(url, "connection closed without a response", "io");
  } catch (const Poco::Exception& e) {
    return make(url, e.displayText(), "io");
  } catch (const std::bad_alloc&) {
    return make(url, "out of memory while reading the response", "io");
  } catch (const std::exception& e) {
    return make(url, e.what(), "io");
  } catch (...) {
    return make(url, "unknown error", "io");
  }
}

}  // namespace hamhub::host
