package io.jenkins.plugins.gocontainer.steps;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;
import io.jenkins.plugins.gocontainer.creds.GitRewrite;
import io.jenkins.plugins.gocontainer.creds.GitSshHost;
import io.jenkins.plugins.gocontainer.creds.GoPrivateEnvironment;
import io.jenkins.plugins.gocontainer.creds.NetrcLogin;
import io.jenkins.plugins.gocontainer.operations.BuilderSettings;
import io.jenkins.plugins.gocontainer.operations.PrivateModuleSettings;
import io.jenkins.plugins.gocontainer.operations.Secrets;
import io.jenkins.plugins.gocontainer.operations.TagPolicySettings;
import io.jenkins.plugins.gocontainer.tags.Flavor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The parameter groups several steps share: private modules, the builder, tag policy, registries. */
final class SharedParameters {

    static final String SSH_KEY = "sshCredentialsId.key";
    static final String SSH_PASSPHRASE = "sshCredentialsId.passphrase";
    static final String GIT_TOKEN = "gitTokenCredentialsId.token";
    static final String REGISTRY_PASSWORD = "registryCredentialsId.password";
    static final String CA_CERTIFICATE = "caCertificateCredentialsId.pem";

    /** The step parameters of Go's private-module variables, and the variable each sets. */
    private static final Map<String, String> GO_VARIABLES = Map.of(
        "goPrivate", GoPrivateEnvironment.GOPRIVATE, "goNoProxy", GoPrivateEnvironment.GONOPROXY,
        "goNoSumDb", GoPrivateEnvironment.GONOSUMDB, "goProxy", GoPrivateEnvironment.GOPROXY,
        "goSumDb", GoPrivateEnvironment.GOSUMDB, "goFlags", GoPrivateEnvironment.GOFLAGS,
        "goInsecure", GoPrivateEnvironment.GOINSECURE);

    static final Set<String> PRIVATE_MODULES = union(Set.of("sshCredentialsId", "sshAgent", "knownHosts", "gitSsh", "gitTokenCredentialsId",
        "gitTokenUser", "gitHost", "gitRewrites", "caCertificateCredentialsId", "noHostGoEnvironment"), GO_VARIABLES.keySet());
    static final Set<String> BUILDER = Set.of("address", "driver", "buildxBuilder", "tlsCaCert", "tlsCert", "tlsKey", "tlsServerName");
    static final Set<String> TAG_POLICY = Set.of("tags", "latest", "tagPrefix", "tagSuffix", "requireSemver");

    private SharedParameters() {
    }

    static Set<String> union(Set<String>... sets) {
        Set<String> all = new LinkedHashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }

    /**
     * The private-module settings, with the credentials' values added to {@code secrets}. An agent
     * the build already runs (an {@code sshagent} block's {@code SSH_AUTH_SOCK}) is forwarded unless
     * a key is given or {@code sshAgent: false}.
     */
    static PrivateModuleSettings privateModules(StepArguments args, StepCredentials credentials, SecretCollector secrets,
                                                Map<String, String> environment) {
        requireResolved(args, "sshCredentialsId", credentials.sshKey().isPresent());
        requireResolved(args, "gitTokenCredentialsId", credentials.gitToken().isPresent());
        requireResolved(args, "caCertificateCredentialsId", credentials.caCertificate().isPresent());
        String sshKeySecret = null;
        String passphraseSecret = null;
        if (credentials.sshKey().isPresent()) {
            StepCredentials.SshKey key = credentials.sshKey().get();
            sshKeySecret = secrets.add(SSH_KEY, key.privateKey());
            passphraseSecret = key.passphrase() == null ? null : secrets.add(SSH_PASSPHRASE, key.passphrase());
        }
        List<NetrcLogin> netrc = new ArrayList<>();
        if (credentials.gitToken().isPresent()) {
            String host = args.string("gitHost");
            if (host == null) {
                throw new InvalidBuildRequestException(args.step() + ": gitTokenCredentialsId needs gitHost",
                    "the token is offered to one git host only, as a netrc login", "add gitHost: 'git.example.com'");
            }
            StepCredentials.Login token = credentials.gitToken().get();
            netrc.add(new NetrcLogin(host, token.username(), secrets.add(GIT_TOKEN, token.password())));
        } else if (args.has("gitHost")) {
            throw new InvalidBuildRequestException(args.step() + ": gitHost was given without gitTokenCredentialsId",
                "gitHost names the host the token is offered to", "add gitTokenCredentialsId, or drop gitHost");
        }
        if (args.has("gitTokenUser") && !args.has("gitTokenCredentialsId")) {
            throw new InvalidBuildRequestException(args.step() + ": gitTokenUser was given without gitTokenCredentialsId",
                "it is the user of a secret-text token credential", "add gitTokenCredentialsId, or drop gitTokenUser");
        }
        Map<String, String> goVariables = new LinkedHashMap<>();
        GO_VARIABLES.keySet().stream().sorted().forEach(parameter -> {
            String value = args.string(parameter);
            if (value != null) {
                goVariables.put(GO_VARIABLES.get(parameter), value);
            }
        });
        boolean sshAgent = args.has("sshAgent") ? args.flag("sshAgent") : sshKeySecret == null && environment.containsKey("SSH_AUTH_SOCK");
        return new PrivateModuleSettings(null, sshKeySecret, passphraseSecret, sshAgent, null, args.string("knownHosts"),
            args.strings("gitSsh").stream().map(GitSshHost::parse).toList(), netrc,
            args.strings("gitRewrites").stream().map(GitRewrite::parse).toList(), List.of(),
            credentials.caCertificate().map(certificate -> List.of(secrets.add(CA_CERTIFICATE, certificate.pem()))).orElse(List.of()),
            goVariables, args.flag("noHostGoEnvironment"));
    }

    /**
     * The builder: each argument, else the global default. The global builder belongs to the global
     * driver, so a step that picks another driver inherits none of it; a step that names its own
     * address inherits none of the global TLS files.
     */
    static BuilderSettings builder(StepArguments args, StepDefaults defaults) {
        String driverName = or(args, "driver", defaults.driver());
        BuilderSettings.Driver driver = driverName == null ? BuilderSettings.Driver.BUILDCTL : driver(args, driverName);
        StepDefaults inherited = !args.has("driver") || driverName.equalsIgnoreCase(String.valueOf(defaults.driver())) ? defaults : StepDefaults.none();
        StepDefaults tls = args.has("address") ? StepDefaults.none() : inherited;
        return new BuilderSettings(or(args, "address", inherited.address()), or(args, "tlsCaCert", tls.tlsCaCert()),
            or(args, "tlsCert", tls.tlsCert()), or(args, "tlsKey", tls.tlsKey()), args.string("tlsServerName"), driver,
            or(args, "buildxBuilder", inherited.buildxBuilder()), null);
    }

    private static BuilderSettings.Driver driver(StepArguments args, String name) {
        try {
            return BuilderSettings.Driver.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidBuildRequestException(args.step() + ": unknown driver '" + name + "'",
                "the builder is reached with buildctl (buildkitd) or docker buildx", "write driver: 'buildctl' or driver: 'buildx'");
        }
    }

    static TagPolicySettings tagPolicy(StepArguments args) {
        Flavor.Latest latest = args.has("latest") ? Flavor.Latest.parse(args.string("latest")) : Flavor.Latest.AUTO;
        return new TagPolicySettings(args.strings("tags"), latest, args.string("tagPrefix"), false, args.string("tagSuffix"), false,
            args.flag("requireSemver"), null, null, null, null);
    }

    static List<String> insecureRegistries(StepArguments args, StepDefaults defaults) {
        Set<String> all = new LinkedHashSet<>(defaults.insecureRegistries());
        all.addAll(args.strings("insecureRegistries"));
        return List.copyOf(all);
    }

    static String or(StepArguments args, String name, String fallback) {
        String value = args.string(name);
        return value != null ? value : fallback;
    }

    private static void requireResolved(StepArguments args, String parameter, boolean resolved) {
        if (args.has(parameter) != resolved) {
            throw new IllegalStateException(parameter + (resolved ? " was resolved but not given" : " was given but not resolved to a credential"));
        }
    }

    /** Collects secret values under the names the specification gives them. */
    static final class SecretCollector {
        private Secrets secrets = Secrets.none();

        String add(String name, String value) {
            secrets = secrets.with(name, value);
            return name;
        }

        Secrets secrets() {
            return secrets;
        }
    }
}
