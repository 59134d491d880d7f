package io.jenkins.plugins.gocontainer.cli;

import io.jenkins.plugins.gocontainer.GocbException;
import io.jenkins.plugins.gocontainer.creds.GitSshHost;
import io.jenkins.plugins.gocontainer.creds.HostKeyScan;
import io.jenkins.plugins.gocontainer.exec.CommandRunner;
import io.jenkins.plugins.gocontainer.exec.SecretMasker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code gocb known-hosts}: collects git servers' host keys once, shows their fingerprints, prints known_hosts lines. */
@Command(name = "known-hosts", mixinStandardHelpOptions = true,
    description = {
        "Collects the SSH host keys of git servers (ssh-keyscan) and prints them as known_hosts lines on stdout,",
        "with their SHA256 fingerprints on stderr: compare those with the ones your git server publishes before",
        "you keep the file for --known-hosts. Builds never accept a host key that is not in known_hosts."})
final class KnownHostsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "HOST[:PORT]", description = "git servers, e.g. github.com or git.example.com:2222")
    List<String> hosts;

    @Override
    public Integer call() {
        return OperationCall.run(spec, OutputFormat.human, false, System.getenv(), "known-hosts cancelled; ssh-keyscan was stopped", (operation, out, err) -> {
            HostKeyScan scan = new HostKeyScan(operation.runner());
            for (String host : hosts) {
                GitSshHost parsed = GitSshHost.parse(host);
                for (HostKeyScan.HostKey key : scan.scan(parsed.host(), parsed.port())) {
                    out.println(key.knownHostsLine());
                    err.println("gocb: " + parsed.host() + (parsed.port() == GitSshHost.DEFAULT_PORT ? "" : ":" + parsed.port())
                        + " " + key.keyType() + " " + key.fingerprint() + "  (check it against the fingerprint your git server publishes)");
                }
            }
            out.flush();
            err.flush();
            return ExitCodes.OK;
        });
    }
}
