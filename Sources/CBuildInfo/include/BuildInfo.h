#ifndef AILAB_BUILD_INFO_H
#define AILAB_BUILD_INFO_H

/// The git commit this binary was built from, or "unknown" when built without `make`.
const char *ailab_build_commit(void);

#endif
