// `make` (scripts/build-info.sh) writes the commit into .build/ailab-build-info.h, which is not
// tracked, and rewrites it only when the commit changes, so a build after a commit recompiles
// this one file and relinks, and nothing tracked changes. A plain `swift build` has no such
// header: the commit reads "unknown". C rather than Swift because only the preprocessor can
// take in a file that may or may not exist.
#include "BuildInfo.h"

#if __has_include("../../.build/ailab-build-info.h")
#include "../../.build/ailab-build-info.h"
#endif

#ifndef AILAB_BUILD_COMMIT
#define AILAB_BUILD_COMMIT "unknown"
#endif

const char *ailab_build_commit(void) { return AILAB_BUILD_COMMIT; }
