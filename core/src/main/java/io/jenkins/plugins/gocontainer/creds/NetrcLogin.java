package io.jenkins.plugins.gocontainer.creds;

import io.jenkins.plugins.gocontainer.InvalidBuildRequestException;

import java.util.Map;

/**
 * An HTTPS git host with a token: the host and login as given, and the name of the environment
 * variable that holds the token (never the token itself).
 */
public record NetrcLogin(String host, String login, String tokenVariable) implements java.io.Serializable {

    public NetrcLogin {
        host = HostNames.require(host, "netrc host");
        if (tokenVariable == null || tokenVariable.isBlank()) {
            throw new InvalidBuildRequestException("netrc host " + host + " has no token",
                "a netrc entry needs the token the git server accepts as the password",
                "name the environment variable holding it with {@netrc.tokenVariable} VAR (in Jenkins, bound by withCredentials)");
        }
        if (login == null || login.isBlank()) {
            throw new InvalidBuildRequestException("netrc host " + host + " has no login",
                "git sends the login with the token; most hosts accept any non-empty login for a token (GitHub: x-access-token,"
                    + " GitLab: oauth2 or the user name)",
                "give it with {@netrc.login}");
        }
    }

    Netrc.Entry resolve(Map<String, String> environment) {
        return Netrc.entryFromEnvironment(host, login, tokenVariable, environment);
    }

    @Override
    public String toString() {
        return login + "@" + host + " (token from $" + tokenVariable + ")";
    }
}
