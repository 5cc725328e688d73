#include "smtp_failure.h"

#include <regex>

#include <Poco/Exception.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>

namespace hamhub::smtp {

namespace {

// The first three-digit reply code in Poco's message ("… rejected: 550 5.1.1 <x>: no such user").
int replyCode(const std::string& text) {
  static const std::regex kCode("(^|[^0-9])([2-5][0-9][0-9])([ -]|$)");
  std::smatch m;
  return std::regex_search(text, m, kCode) ? std::stoi(m[2].str()) : 0;
}

Status classifySmtp(const std::string& server, const std::string& text) {
  const int code = replyCode(text);
  const std::string message = "SMTP " + server + ": " + text;
  if (code == 535 || code == 530 || code == 534) return Status::error(message, "auth");
  if (code >= 400 && code < 500) return Status::error(message, "smtp-transient");
  return Status::error(message, "smtp-rejected");
}

}  // namespace

Status smtpFailure(const std::string& server) {
  const std::string where = "SMTP " + server + ": ";
  try {
    throw;
  } catch (const Poco::Net::SMTPException& e) {
    return classifySmtp(server, e.displayText());
  } catch (const Poco::TimeoutException& e) {
    return Status::error(where + "timed out: " + e.displayText(), "timeout");
  } catch (const Poco::Net::ConnectionRefusedException& e) {
    return Status::error(where + "connection refused: " + e.displayText(), "connect-refused");
  } catch (const Poco::Net::HostNotFoundException& e) {
    return Status::error(where + "host not found: " + e.displayText(), "dns");
  } catch (const Poco::Net::NoAddressFoundException& e) {
    return Status::error(where + "host not found: " + e.displayText(), "dns");
  } catch (const Poco::Net::SSLException& e) {
    return Status::error(where + "TLS failed: " + e.displayText(), "tls");
  } catch (const Poco::Exception& e) {
    return Status::error(where + e.displayText(), "io");
  } catch (const std::exception& e) {
    return Status::error(where + e.what(), "io");
  }
}

}  // namespace hamhub::smtp
