# Build policy generated from the team's standard (team.yml), for `docker buildx build` (Buildx 0.31+,
# experimental build policies): save it beside the Dockerfile as Dockerfile.rego. Buildx asks it about
# every image the build pulls (FROM, COPY --from); other inputs (the build context, Git, HTTP) are
# left to other policies. The rules are those of dockerfile.rego (conftest), but for one image at a
# time: the non-root rule needs the whole Dockerfile, so it is conftest's alone.
package docker

import rego.v1

refs contains input.image.ref if input.image.ref

default allow := false

allow if not input.image

allow if {
	input.image
	count(problems) == 0
}

decision := {"allow": allow}
