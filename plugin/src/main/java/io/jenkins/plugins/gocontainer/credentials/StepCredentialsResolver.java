package io.jenkins.plugins.gocontainer.credentials;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.gocontainer.steps.StepArguments;
import io.jenkins.plugins.gocontainer.steps.StepCredentials;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Looks up the credentials a step names, for the running build (so folder-scoped credentials are
 * found and their use is tracked), and reduces them to core's {@link StepCredentials}. A missing
 * id or a credential of the wrong type is refused before anything runs, naming the id and the
 * type expected.
 */
public final class StepCredentialsResolver {

    private StepCredentialsResolver() {
    }

    public static StepCredentials resolve(StepArguments args, Run<?, ?> run) throws AbortException {
        StepCredentials credentials = StepCredentials.none();
        String sshId = args.string("sshCredentialsId");
        if (sshId != null) {
            SSHUserPrivateKey key = find(sshId, SSHUserPrivateKey.class, Messages.StepCredentialsResolver_SshKeyType(), run, args);
            credentials = credentials.withSshKey(new StepCredentials.SshKey(sshId, key.getUsername(), String.join("\n", key.getPrivateKeys()),
                Secret.toString(key.getPassphrase())));
        }
        String tokenId = args.string("gitTokenCredentialsId");
        if (tokenId != null) {
            credentials = credentials.withGitToken(token(tokenId, args.string("gitTokenUser"), run, args));
        }
        String registryId = args.string("registryCredentialsId");
        if (registryId != null) {
            StandardUsernamePasswordCredentials login = find(registryId, StandardUsernamePasswordCredentials.class,
                Messages.StepCredentialsResolver_UsernamePasswordType(), run, args);
            credentials = credentials.withRegistry(new StepCredentials.Login(registryId, login.getUsername(), login.getPassword().getPlainText()));
        }
        String caId = args.string("caCertificateCredentialsId");
        if (caId != null) {
            FileCredentials file = find(caId, FileCredentials.class, Messages.StepCredentialsResolver_FileType(), run, args);
            credentials = credentials.withCaCertificate(new StepCredentials.Certificate(caId, content(file, args)));
        }
        return credentials;
    }

    private static String content(FileCredentials file, StepArguments args) throws AbortException {
        try (InputStream in = file.getContent()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new AbortException(Messages.StepCredentialsResolver_Unreadable(args.step(), file.getId(), e.getMessage()));
        }
    }

    /** A git token: username with password, or secret text with {@code gitTokenUser}. */
    private static StepCredentials.Login token(String id, String user, Run<?, ?> run, StepArguments args) throws AbortException {
        StandardCredentials found = find(id, StandardCredentials.class, Messages.StepCredentialsResolver_TokenType(), run, args);
        if (found instanceof StandardUsernamePasswordCredentials login) {
            return new StepCredentials.Login(id, user != null ? user : login.getUsername(), login.getPassword().getPlainText());
        }
        if (found instanceof StringCredentials text) {
            if (user == null) {
                throw new AbortException(Messages.StepCredentialsResolver_TokenUserMissing(args.step(), id));
            }
            return new StepCredentials.Login(id, user, text.getSecret().getPlainText());
        }
        throw new AbortException(Messages.StepCredentialsResolver_WrongType(args.step(), id, Messages.StepCredentialsResolver_TokenType(),
            found.getClass().getSimpleName()));
    }

    private static <C extends StandardCredentials> C find(String id, Class<C> type, String typeName, Run<?, ?> run, StepArguments args)
        throws AbortException {
        C credential = CredentialsProvider.findCredentialById(id, type, run);
        if (credential != null) {
            CredentialsProvider.track(run, credential);
            return credential;
        }
        StandardCredentials other = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run);
        if (other != null) {
            throw new AbortException(Messages.StepCredentialsResolver_WrongType(args.step(), id, typeName, other.getClass().getSimpleName()));
        }
        throw new AbortException(Messages.StepCredentialsResolver_Missing(args.step(), id, typeName));
    }
}
