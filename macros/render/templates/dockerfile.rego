# Dockerfile policy generated from the team's standard (team.yml): which base images a Dockerfile
# may name. Run it with conftest, which parses the Dockerfile into this input:
#   conftest test --policy dockerfile.rego Dockerfile
# Each FROM must name an approved repository in the team's registry, with a tag that is not
# `latest`, in an approved channel, OS and variant (or an unexpired exception), pinned by digest
# when the standard says so; with non_root, the final stage of a shipped image sets a non-root USER.
package main

import rego.v1

standard := __DATA__

# Tests (and a CI that wants a fixed clock) may set data.clock.now_ns; otherwise, the real time.
now_ns := data.clock.now_ns if {
	is_number(data.clock.now_ns)
} else := time.now_ns()

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

parse(ref) := {"name": name, "tag": tag, "digest": digest} if {
	at := split(ref, "@")
	digest := concat("@", array.slice(at, 1, count(at)))
	segments := split(at[0], "/")
	last := segments[count(segments) - 1]
	parts := split(last, ":")
	tag := concat(":", array.slice(parts, 1, count(parts)))
	name := trim_suffix(at[0], concat("", [":", tag]))
}

repository(name) := trim_prefix(name, concat("", [standard.registry, "/"]))

exception(name, tag) := e if {
	some e in standard.exceptions
	repository(name) == e.repository
	tag == e.tag
}

deny contains msg if {
	some image in images
	contains(image.ref, "$")
	msg := sprintf("line %d: %s: a base image from a build argument cannot be checked; write the image", [image.line, image.ref])
}

deny contains msg if {
	some image in images
	not contains(image.ref, "$")
	standard.mirror
	startswith(image.ref, concat("", [standard.public_registry, "/"]))
	msg := sprintf("line %d: %s: pull through the team's mirror %s, not the public registry", [image.line, image.ref, standard.registry])
}

deny contains msg if {
	some image in images
	not contains(image.ref, "$")
	not startswith(image.ref, concat("", [standard.registry, "/"]))
	not startswith(image.ref, concat("", [standard.public_registry, "/"]))
	msg := sprintf("line %d: %s: not from the team's registry %s", [image.line, image.ref, standard.registry])
}

deny contains msg if {
	some image in images
	startswith(image.ref, concat("", [standard.registry, "/"]))
	ref := parse(image.ref)
	not repository(ref.name) in standard.repositories
	msg := sprintf("line %d: %s: %s is not an approved repository", [image.line, image.ref, repository(ref.name)])
}

deny contains msg if {
	some image in images
	not contains(image.ref, "$")
	parse(image.ref).tag == ""
	msg := sprintf("line %d: %s: no tag; name the tag the standard approves", [image.line, image.ref])
}

deny contains msg if {
	some image in images
	parse(image.ref).tag == "latest"
	msg := sprintf("line %d: %s: `latest` moves to new .NET versions and operating systems; name a tag", [image.line, image.ref])
}

deny contains msg if {
	standard.pin_digest
	some image in images
	not contains(image.ref, "$")
	parse(image.ref).digest == ""
	msg := sprintf("line %d: %s: the standard pins by tag and digest (image:tag@sha256:...)", [image.line, image.ref])
}

deny contains msg if {
	some image in images
	ref := parse(image.ref)
	e := exception(ref.name, ref.tag)
	now_ns >= e.expires_ns
	msg := sprintf("line %d: %s: the exception expired on %s; move to an approved image or renew it in team.yml", [image.line, image.ref, e.expires])
}

# Tag rules: skipped for an image with an unexpired exception.
tag_checked(image) := ref if {
	ref := parse(image.ref)
	ref.tag != ""
	ref.tag != "latest"
	not exception(ref.name, ref.tag)
}

deny contains msg if {
	some image in images
	ref := tag_checked(image)
	repository(ref.name) in standard.channel_repositories
	version := split(ref.tag, "-")[0]
	not approved_channel(version)
	msg := sprintf("line %d: %s: .NET %s is not an approved channel", [image.line, image.ref, version])
}

approved_channel(version) if {
	some channel in standard.channels
	version == channel
}

approved_channel(version) if {
	some channel in standard.channels
	startswith(version, concat("", [channel, "."]))
}

deny contains msg if {
	some image in images
	ref := tag_checked(image)
	some os in standard.os_versions
	contains(concat("", ["-", ref.tag, "-"]), concat("", ["-", os, "-"]))
	not os in standard.approved_os_versions
	msg := sprintf("line %d: %s: %s is not an approved operating system", [image.line, image.ref, os])
}

deny contains msg if {
	some image in images
	ref := tag_checked(image)
	some word in split(ref.tag, "-")
	word in standard.variants
	not word in standard.approved_variants
	msg := sprintf("line %d: %s: the %s variant is not approved", [image.line, image.ref, word])
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
