# Dockerfile policy generated from the team's standard (team.yml), for conftest, which parses the
# Dockerfile into the input this reads:
#   conftest test --policy dockerfile.rego Dockerfile
# Each FROM must name an approved repository in the team's registry, with a tag that is not
# `latest`, in an approved channel, OS and variant (or an unexpired exception), pinned by digest
# when the standard says so; with non_root, the final stage of a shipped image sets a non-root USER.
package main

import rego.v1

# conftest gives a list of instructions; with --combine, a list per file: read both.
instructions contains c if {
	some c in input
	is_object(c)
}

instructions contains c if {
	some file in input
	is_array(file)
	some c in file
}

stage_names contains lower(c.Value[2]) if {
	some c in instructions
	lower(c.Cmd) == "from"
	count(c.Value) >= 3
	lower(c.Value[1]) == "as"
}

# FROM lines that name an image (not an earlier stage, not scratch).
images contains {"ref": c.Value[0], "line": c.StartLine, "stage": c.Stage} if {
	some c in instructions
	lower(c.Cmd) == "from"
	not lower(c.Value[0]) in stage_names
	lower(c.Value[0]) != "scratch"
}

refs := {image.ref | some image in images}

deny contains msg if {
	some image in images
	some problem in problems
	problem[0] == image.ref
	msg := sprintf("line %d: %s: %s", [image.line, image.ref, problem[1]])
}

final_stage := max({c.Stage | some c in instructions; lower(c.Cmd) == "from"})

final_image := parse(c.Value[0]) if {
	some c in instructions
	lower(c.Cmd) == "from"
	c.Stage == final_stage
}

final_user := u if {
	users := [c | some c in instructions; lower(c.Cmd) == "user"; c.Stage == final_stage]
	count(users) > 0
	last := max({c.StartLine | some c in users})
	some c in users
	c.StartLine == last
	u := lower(split(c.Value[0], ":")[0])
}

shipped if {
	not repository(final_image.name) in standard.build_repositories
}

deny contains msg if {
	standard.non_root
	shipped
	not final_user
	msg := "the final stage runs as root: add USER $APP_UID (Linux) or USER ContainerUser (Windows)"
}

deny contains msg if {
	standard.non_root
	shipped
	final_user in {"root", "0", "containeradministrator"}
	msg := "the final stage switches to root: the standard requires a non-root user"
}
