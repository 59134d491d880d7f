package io.jenkins.plugins.gocontainer.operations;

import io.jenkins.plugins.gocontainer.cache.CacheRoundTrip;
import io.jenkins.plugins.gocontainer.creds.PrivateModuleSession;
import io.jenkins.plugins.gocontainer.gomod.GoModMode;
import io.jenkins.plugins.gocontainer.gomod.ModuleFetchRequest;
import io.jenkins.plugins.gocontainer.gomod.ModuleFetchResult;
import io.jenkins.plugins.gocontainer.gomod.ModuleFetcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code goModVendor} / {@code gocb vendor} in one call: opens the private-module session, restores
 * the module cache from the cache store, runs {@code go mod download} or {@code go mod vendor}
 * with the session's credentials and checks the result, and saves the cache after a miss.
 * Interrupting the calling thread stops go and removes every secret file.
 */
public final class GoModVendor {

    public GoModVendorResult run(GoModVendorSpec spec, OperationContext context) throws IOException, InterruptedException {
        AbandonedRuns.reap(context);
        Path moduleRoot = context.resolve(spec.context());
        Optional<PrivateModuleSession> session = spec.privateModules().open(context);
        try {
            Map<String, String> goEnvironment = new LinkedHashMap<>();
            session.ifPresent(s -> goEnvironment.putAll(s.hostEnvironment()));
            ModuleFetchRequest request = new ModuleFetchRequest(moduleRoot, spec.mode(), context.resolve(spec.moduleCache()), goEnvironment,
                spec.go() == null || !spec.go().contains("/") ? spec.go() : context.resolve(spec.go()).toString());
            Optional<CacheRoundTrip> cache = spec.cacheStore() == null || spec.mode() != GoModMode.DOWNLOAD ? Optional.empty()
                : Optional.of(GoCaches.roundTrip(GoCaches.Kind.MODULES, spec.cacheStore(), moduleRoot, context, spec.insecureRegistries()));
            if (cache.isPresent()) {
                GoCaches.requireReplaceable(GoCaches.Kind.MODULES, request.effectiveModuleCache(), "moduleCache", context.workspace());
                cache.get().restore(request.effectiveModuleCache(), context.log());
            }
            ModuleFetchResult result = new ModuleFetcher(context.runner()).run(request, context.log());
            if (cache.isPresent()) {
                cache.get().saveIfMissed(request.effectiveModuleCache(), context.log());
                result = result.withCacheStatus(cache.get().hadExactHit() ? "hit" : "miss");
            }
            return GoModVendorResult.of(result);
        } finally {
            if (session.isPresent()) {
                session.get().close();
            }
        }
    }
}
