package io.jenkins.plugins.gocontainer.tags;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tag rules and a flavor, evaluated as docker/metadata-action evaluates its {@code tags} and {@code flavor}
 * inputs ({@code src/meta.ts}): rules in priority order (stable for equal priorities), each making at most
 * one tag; duplicates dropped; {@code latest} decided by the first rule that made a tag (with
 * {@code latest=auto}: a release semver or a git tag says yes, everything else no) and added last.
 *
 * <p>Where metadata-action silently rewrites a tag, this policy cleans up only what comes from outside
 * (branch and git tag names, pull request ids); anything written in a rule must already be a valid tag.
 */
public record TagPolicy(List<TagRule> rules, Flavor flavor) {

    /** Used when no rule is given: the release tags, the branch and the commit, and {@code latest} for releases. */
    public static final List<String> DEFAULT_RULES = List.of(
        "type=semver,pattern={{version}}",
        "type=semver,pattern={{major}}.{{minor}}",
        "type=semver,pattern={{major}}",
        "type=ref,event=branch",
        "type=sha");

    private static final String ASSUMED_DEFAULT_BRANCH = "main";

    public TagPolicy {
        rules = rules.stream().sorted(Comparator.comparingInt((TagRule rule) -> rule.options().priority()).reversed()).toList();
        Objects.requireNonNull(flavor, "flavor");
    }

    public static TagPolicy defaults() {
        return of(List.of(), Flavor.defaults());
    }

    /** A policy from rule lines; no lines (or only blank ones) means {@link #DEFAULT_RULES}. */
    public static TagPolicy of(List<String> ruleLines, Flavor flavor) {
        List<TagRule> rules = TagRuleParser.parseAll(ruleLines);
        return new TagPolicy(rules.isEmpty() ? TagRuleParser.parseAll(DEFAULT_RULES) : rules, flavor);
    }

    public boolean hasSemverRules() {
        return rules.stream().anyMatch(rule -> rule instanceof TagRule.Semver && rule.options().enabled());
    }

    public PolicyResult evaluate(TagInputs inputs) {
        Set<String> tags = new LinkedHashSet<>();
        Set<String> notes = new LinkedHashSet<>();
        Boolean latest = null;
        for (TagRule rule : rules) {
            if (!rule.options().enabled()) {
                continue;
            }
            String prefix = expand(rule.options().prefix().orElse(flavor.prefix()), inputs);
            String suffix = expand(rule.options().suffix().orElse(flavor.suffix()), inputs);
            int valueLength = DockerTag.MAX_LENGTH - prefix.length() - suffix.length();
            Optional<Candidate> candidate = candidate(rule, inputs, Math.max(1, valueLength), notes);
            if (candidate.isEmpty() || candidate.get().value().isEmpty()) {
                continue;
            }
            tags.add(checked(prefix + candidate.get().value() + suffix, rule.text()));
            if (latest == null) {
                latest = switch (flavor.latest()) {
                    case AUTO -> candidate.get().latest();
                    case TRUE -> true;
                    case FALSE -> false;
                };
            }
        }
        if (Boolean.TRUE.equals(latest)) {
            String latestTag = (flavor.prefixOnLatest() ? expand(flavor.prefix(), inputs) : "") + "latest"
                + (flavor.suffixOnLatest() ? expand(flavor.suffix(), inputs) : "");
            tags.add(checked(latestTag, "latest=" + flavor.latest()));
        }
        return new PolicyResult(List.copyOf(tags), List.copyOf(notes));
    }

    /** A rule's tag before prefix and suffix, and whether it asks for {@code latest} under {@code latest=auto}. */
    private record Candidate(String value, boolean latest) {
    }

    private Optional<Candidate> candidate(TagRule rule, TagInputs inputs, int maxLength, Set<String> notes) {
        BuildRef ref = inputs.ref();
        if (rule instanceof TagRule.Semver semver) {
            return semver(semver, inputs, notes);
        }
        if (rule instanceof TagRule.Sha sha) {
            return Optional.of(new Candidate(sha.longFormat() ? inputs.commit() : inputs.shortCommit(), false));
        }
        if (rule instanceof TagRule.Raw raw) {
            return Optional.of(new Candidate(expand(raw.value(), inputs), false));
        }
        if (rule instanceof TagRule.Edge edge) {
            if (ref.branch().isEmpty()) {
                return Optional.empty();
            }
            String defaultBranch = edge.branch().or(inputs::defaultBranch).orElseGet(() -> {
                notes.add("type=edge: the default branch is unknown (no refs/remotes/origin/HEAD in the clone, no CI_DEFAULT_BRANCH),"
                    + " so '" + ASSUMED_DEFAULT_BRANCH + "' is assumed; write type=edge,branch=NAME to name it");
                return ASSUMED_DEFAULT_BRANCH;
            });
            return ref.branch().get().equals(defaultBranch) ? Optional.of(new Candidate("edge", false)) : Optional.empty();
        }
        TagRule.Ref refRule = (TagRule.Ref) rule;
        return switch (refRule.event()) {
            case BRANCH -> ref.branch().map(branch -> new Candidate(nameAsTag(branch, "branch", maxLength, notes), false));
            case TAG -> ref.tag().map(tag -> new Candidate(nameAsTag(tag, "git tag", maxLength, notes), true));
            case PR -> ref.pullRequest().map(id -> new Candidate(nameAsTag(id, "pull request", maxLength, notes), false));
        };
    }

    private static Optional<Candidate> semver(TagRule.Semver rule, TagInputs inputs, Set<String> notes) {
        Optional<String> source = rule.value().or(() -> inputs.ref().tag());
        if (source.isEmpty()) {
            return Optional.empty();
        }
        String text = source.get();
        if (rule.match().isPresent()) {
            Matcher matcher = Pattern.compile(rule.match().get()).matcher(text);
            if (matcher.find()) {
                text = matcher.groupCount() >= 1 && matcher.group(1) != null ? matcher.group(1) : matcher.group();
            } else {
                notes.add("match=" + rule.match().get() + " does not match '" + text + "' (rule " + rule.text() + ")");
            }
        }
        text = text.replace('/', '-');
        Optional<SemanticVersion> parsed = SemanticVersion.tryParse(text);
        if (parsed.isEmpty()) {
            notes.add("'" + text + "' is not a semantic version (vMAJOR.MINOR.PATCH[-PRERELEASE]), so the semver rules made no tag from it");
            return Optional.empty();
        }
        SemanticVersion version = parsed.get();
        Template pattern = Template.parse(rule.pattern(), TagRuleParser.SEMVER_PLACEHOLDERS);
        String raw = DockerTag.replaceInvalidCharacters(version.raw());
        if (version.isPrerelease()) {
            // Pre-releases only ever get their full version (metadata-action: {{version}}, or {{raw}} if that is the pattern).
            return Optional.of(new Candidate(pattern.isOnly("raw") ? raw : version.version(), false));
        }
        String value = pattern.render(name -> switch (name) {
            case "version" -> version.version();
            case "major" -> Long.toString(version.major());
            case "minor" -> Long.toString(version.minor());
            case "patch" -> Long.toString(version.patch());
            default -> raw;
        });
        return Optional.of(new Candidate(value, true));
    }

    private static String nameAsTag(String name, String what, int maxLength, Set<String> notes) {
        String tag = DockerTag.sanitize(name, maxLength);
        if (tag.isEmpty()) {
            notes.add("the " + what + " name '" + name + "' has no character that an image tag can hold, so it made no tag");
        }
        return tag;
    }

    /** Expands {{branch}}, {{tag}} and {{sha}} in a value, prefix or suffix; names are cleaned up for tags. */
    private static String expand(String text, TagInputs inputs) {
        if (!text.contains("{{")) {
            return text;
        }
        return Template.parse(text, TagRuleParser.EXPRESSIONS).render(name -> switch (name) {
            case "branch" -> inputs.ref().branch().map(DockerTag::replaceInvalidCharacters).orElse("");
            case "tag" -> inputs.ref().tag().map(DockerTag::replaceInvalidCharacters).orElse("");
            default -> inputs.shortCommit();
        });
    }

    private static String checked(String tag, String rule) {
        DockerTag.problem(tag).ifPresent(problem -> {
            throw new InvalidDockerTagException(tag, rule, problem);
        });
        return tag;
    }
}
