// AuthApiError::fromReply: any status, headers (x-sb-error-code,
// Retry-After) and body an auth server, a gateway or a portal may send.
// Input: the first two bytes choose the status, the rest is a message in
// FuzzSupport's "headers, empty line, body" form.
#include "FuzzSupport.h"

#include <exegia/auth/Errors.h>
#include <exegia/auth/Transport.h>

#include "detail/Replies.h"

using namespace exegia;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto input = fuzz::statusMessage(data, size);
    if (!input)
        return 0;
    const int status = input->status;
    const auth::HttpReply reply{status, input->message.body, input->message.headers};

    const auth::AuthApiError error = auth::AuthApiError::fromReply(reply);
    fuzz::require(error.httpStatus() == status, "the status is kept");
    fuzz::require(!error.message().isEmpty(), "there is always a message for the log");
    fuzz::requireDescribed(error);
    if (error.retryAfterSeconds())
        fuzz::require(*error.retryAfterSeconds() >= 0, "a wait is never negative");
    (void)error.isSessionGone();
    (void)error.what();

    // The same reply through the path every call takes.
    try {
        (void)auth::detail::authObject(reply);
    } catch (const auth::Error &e) {
        fuzz::requireDescribed(e);
    }
    return 0;
}
