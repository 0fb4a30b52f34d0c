
# --- the rules for one image reference (the same in every entry point) ---

standard := __DATA__

# Tests (and a CI that wants a fixed clock) may set data.clock.now_ns; otherwise, the real time.
now_ns := data.clock.now_ns if {
	is_number(data.clock.now_ns)
} else := time.now_ns()

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

ours(ref) if startswith(ref, concat("", [standard.registry, "/"]))

public(ref) if startswith(ref, concat("", [standard.public_registry, "/"]))

# problems: [reference, what is wrong] for each image the entry point names in `refs`.
problems contains [ref, "a base image from a build argument cannot be checked; write the image"] if {
	some ref in refs
	contains(ref, "$")
}

problems contains [ref, msg] if {
	some ref in refs
	not contains(ref, "$")
	standard.mirror
	public(ref)
	msg := sprintf("pull through the team's mirror %s, not the public registry", [standard.registry])
}

problems contains [ref, msg] if {
	some ref in refs
	not contains(ref, "$")
	not ours(ref)
	not public(ref)
	msg := sprintf("not from the team's registry %s", [standard.registry])
}

problems contains [ref, msg] if {
	some ref in refs
	ours(ref)
	name := repository(parse(ref).name)
	not name in standard.repositories
	msg := sprintf("%s is not an approved repository", [name])
}

problems contains [ref, "no tag; name the tag the standard approves"] if {
	some ref in refs
	not contains(ref, "$")
	parse(ref).tag == ""
}

problems contains [ref, "`latest` moves to new .NET versions and operating systems; name a tag"] if {
	some ref in refs
	parse(ref).tag == "latest"
}

problems contains [ref, "the standard pins by tag and digest (image:tag@sha256:...)"] if {
	standard.pin_digest
	some ref in refs
	not contains(ref, "$")
	parse(ref).digest == ""
}

problems contains [ref, msg] if {
	some ref in refs
	image := parse(ref)
	e := exception(image.name, image.tag)
	now_ns >= e.expires_ns
	msg := sprintf("the exception expired on %s; move to an approved image or renew it in team.yml", [e.expires])
}

# Tag rules: skipped for an image with an unexpired exception.
tag_checked contains [ref, image] if {
	some ref in refs
	image := parse(ref)
	image.tag != ""
	image.tag != "latest"
	not exception(image.name, image.tag)
}

problems contains [ref, msg] if {
	some [ref, image] in tag_checked
	repository(image.name) in standard.channel_repositories
	version := split(image.tag, "-")[0]
	not approved_channel(version)
	msg := sprintf(".NET %s is not an approved channel", [version])
}

approved_channel(version) if {
	some channel in standard.channels
	version == channel
}

approved_channel(version) if {
	some channel in standard.channels
	startswith(version, concat("", [channel, "."]))
}

problems contains [ref, msg] if {
	some [ref, image] in tag_checked
	some os in standard.os_versions
	contains(concat("", ["-", image.tag, "-"]), concat("", ["-", os, "-"]))
	not os in standard.approved_os_versions
	msg := sprintf("%s is not an approved operating system", [os])
}

problems contains [ref, msg] if {
	some [ref, image] in tag_checked
	some word in split(image.tag, "-")
	word in standard.variants
	not word in standard.approved_variants
	msg := sprintf("the %s variant is not approved", [word])
}
