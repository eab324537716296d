# ctest driver for one libFuzzer target (label fuzz): fuzzes a scratch copy of
# the seed corpus for a fixed time, so the seeds in the source tree never
# change, and keeps any crash input under ARTIFACTS for a regression test.
# -D FUZZER=<exe> -D CORPUS=<seed dir> -D WORK=<scratch dir> -D ARTIFACTS=<dir>
# -D SECONDS=<n> [-D DICT=<file>]
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK} ${ARTIFACTS})
file(GLOB seeds ${CORPUS}/*)
file(COPY ${seeds} DESTINATION ${WORK})
set(args -max_total_time=${SECONDS} -rss_limit_mb=2048 -timeout=10 -max_len=4096
    -print_final_stats=1 -artifact_prefix=${ARTIFACTS}/)
if(DICT)
    list(APPEND args -dict=${DICT})
endif()
execute_process(COMMAND ${FUZZER} ${args} ${WORK} RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "${FUZZER} found a failure (exit ${result}); the input is in ${ARTIFACTS}."
        " Reproduce with: ${FUZZER} <input>")
endif()
