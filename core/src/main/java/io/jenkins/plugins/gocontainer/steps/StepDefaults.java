package io.jenkins.plugins.gocontainer.steps;

import java.io.Serializable;
import java.util.List;

/**
 * Values the administrator set once for every build (in Jenkins: the global configuration); a
 * step argument of the same name overrides each.
 *
 * @param address            the BuildKit address ({@code unix://}, {@code tcp://}, {@code kube-pod://})
 * @param tlsCaCert          mutual TLS files for a {@code tcp://} builder, as paths on the agent
 * @param driver             {@code buildctl} or {@code buildx}
 * @param baseImages         {@code NAME=DIR} or {@code NAME=docker-image://MIRROR}
 * @param insecureRegistries registries spoken to over HTTP or unverified TLS
 * @param cacheStore         where module and Go build caches are kept between agents
 * @param maxImageSize       the size gate for every build that sets none
 */
public record StepDefaults(String address, String tlsCaCert, String tlsCert, String tlsKey, String driver, String buildxBuilder,
                           List<String> baseImages, List<String> insecureRegistries, String cacheStore, String maxImageSize)
    implements Serializable {

    private static final long serialVersionUID = 1L;

    public StepDefaults {
        baseImages = List.copyOf(baseImages);
        insecureRegistries = List.copyOf(insecureRegistries);
    }

    public static StepDefaults none() {
        return new StepDefaults(null, null, null, null, null, null, List.of(), List.of(), null, null);
    }
}
