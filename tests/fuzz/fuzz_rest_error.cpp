// PostgREST replies: ApiError::fromReply for error statuses and
// ProfileStore::singleRow, which reads every profile answer.
// Input: as fuzz_auth_error (two status bytes, headers, body).
#include <exegia/auth/Errors.h>
#include <exegia/auth/Transport.h>

#include "FuzzSupport.h"
#include "detail/ProfileStore.h"

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

    const auth::ApiError error = auth::ApiError::fromReply(reply);
    fuzz::require(error.httpStatus() == status, "the status is kept");
    fuzz::require(!error.message().isEmpty(), "there is always a message for the log");
    fuzz::requireDescribed(error);
    (void)error.isUniqueViolation();

    // As a success too, so the row reader sees every body.
    for (const int asStatus : {status, 200}) {
        try {
            (void)auth::ProfileStore::singleRow(auth::HttpReply{asStatus, reply.body, {}});
        } catch (const auth::Error &e) {
            fuzz::requireDescribed(e);
        }
    }
    return 0;
}
