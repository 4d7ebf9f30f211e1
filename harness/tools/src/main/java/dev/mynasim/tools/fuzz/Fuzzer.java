package dev.mynasim.tools.fuzz;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.fixtures.pki.PersonaCredentials;
import dev.mynasim.fixtures.pki.TestPki;
import dev.mynasim.simulator.CardProfile;
import dev.mynasim.simulator.VirtualCard;
import dev.mynasim.simulator.issuer.ApplicationImage;
import dev.mynasim.simulator.issuer.CardImages;
import dev.mynasim.simulator.issuer.IssuerKeys;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * APDU fuzzing of every application and the MF level of a persona's card. Each target gets
 * episodes: a freshly issued card, a DF SELECT of the target, then seeded steps (APDUs from
 * {@link ApduGenerator}, and now and then a reset, a power cycle, a correct VERIFY, or a probe of the
 * security state). Every APDU is checked against the invariants of {@link Episode}. A failure is
 * shrunk to a minimal step list by delta debugging (ddmin) over the episode, replayed each time on a
 * fresh card, and reported with the seed.
 */
public final class Fuzzer {

    /** What a run found: the seed, the target, the violation, and the minimal steps that reproduce it. */
    public record Failure(long seed, String target, int episode, Violation violation, List<Step> minimal) {
        public String describe() {
            StringBuilder out = new StringBuilder();
            out.append("fuzz failure: ").append(violation.kind()).append(" on ").append(target)
                .append(" (seed ").append(seed).append(", episode ").append(episode).append("): ")
                .append(violation.detail()).append('\n');
            out.append("minimal sequence (").append(minimal.size()).append(" steps, on a fresh card; PIN data masked):\n");
            for (Step step : minimal) {
                out.append("  ").append(step).append('\n');
            }
            return out.toString();
        }
    }

    private final Persona persona;
    private final TestPki pki;
    private final KeyMaterial keys = new KeyMaterial();
    private final PinRules rules;
    private final List<FuzzTarget> targets;
    private final FuzzStats stats = new FuzzStats();
    private int episodeLength = 2_000;

    public Fuzzer(Persona persona, TestPki pki) {
        this(persona, pki, PinRules.standard());
    }

    public Fuzzer(Persona persona, TestPki pki, PinRules rules) {
        this.persona = persona;
        this.pki = pki;
        this.rules = rules;
        List<ApplicationImage> images = images();
        this.targets = FuzzTarget.of(images);
        keys.addCardKeys(images);
        PersonaCredentials credentials = pki.credentials(persona);
        keys.add("user-proof key", credentials.authKey());
        credentials.signKey().ifPresent(key -> keys.add("signature key", key));
        keys.add("text own key", (RSAPrivateCrtKey) IssuerKeys.forHolder(persona.id()).textOwn().getPrivate());
        keys.add("surface own key", (RSAPrivateCrtKey) IssuerKeys.forHolder(persona.id()).surfaceOwn().getPrivate());
        keys.add("common authentication key", (RSAPrivateCrtKey) IssuerKeys.forHolder(persona.id()).commonAuthentication().getPrivate());
        keys.add("issuer CV CA key", (RSAPrivateCrtKey) IssuerKeys.cvCa().getPrivate());
        keys.add("issuer data-signing key", (RSAPrivateCrtKey) IssuerKeys.dataSigning().getPrivate());
        keys.add("user-proof CA key", pki.authCaKey());
        keys.add("signature CA key", pki.signCaKey());
    }

    public Fuzzer episodeLength(int steps) {
        this.episodeLength = steps;
        return this;
    }

    public List<String> targetNames() {
        return targets.stream().map(FuzzTarget::name).toList();
    }

    public FuzzStats stats() {
        return stats;
    }

    public int keyComponents() {
        return keys.components();
    }

    private List<ApplicationImage> images() {
        return CardImages.forPersona(persona, pki.credentials(persona), pki.authCaCertificate(), pki.signCaCertificate());
    }

    VirtualCard freshCard() {
        return new VirtualCard(images(), CardProfile.CONTACT);
    }

    /**
     * Fuzzes every target with at least {@code apdusPerTarget} APDUs each, on {@code threads} threads
     * (one target per thread at a time); the failures, at most one per target.
     */
    public List<Failure> run(long seed, long apdusPerTarget, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Optional<Failure>>> futures = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                FuzzTarget target = targets.get(i);
                long targetSeed = new SplittableRandom(seed).split().nextLong() ^ (0x9E3779B97F4A7C15L * (i + 1));
                futures.add(pool.submit(() -> fuzz(target, seed, targetSeed, apdusPerTarget)));
            }
            List<Failure> failures = new ArrayList<>();
            for (Future<Optional<Failure>> future : futures) {
                future.get().ifPresent(failures::add);
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }

    private Optional<Failure> fuzz(FuzzTarget target, long seed, long targetSeed, long apdus) {
        long sent = 0;
        SplittableRandom episodes = new SplittableRandom(targetSeed);
        for (int episode = 0; sent < apdus; episode++) {
            List<Step> steps = generate(target, episodes.nextLong());
            Episode run = new Episode(freshCard(), target, keys, rules, stats);
            Violation violation = run.run(steps);
            sent += run.apdus();
            if (violation != null) {
                List<Step> failing = steps.subList(0, violation.step() + 1);
                List<Step> minimal = shrink(target, failing, violation.kind());
                return Optional.of(new Failure(seed, target.name(), episode, violation, minimal));
            }
        }
        return Optional.empty();
    }

    List<Step> generate(FuzzTarget target, long episodeSeed) {
        ApduGenerator generator = new ApduGenerator(episodeSeed, target);
        SplittableRandom random = generator.random();
        List<Step> steps = new ArrayList<>(episodeLength + 1);
        if (!target.isMasterFile()) {
            steps.add(new Step.Send(target.select()));
        }
        while (steps.size() < episodeLength) {
            int roll = random.nextInt(1000);
            if (roll < 10) {
                steps.add(new Step.Reset());
            } else if (roll < 15) {
                steps.add(new Step.PowerCycle());
            } else if (roll < 30) {
                steps.add(new Step.Unlock());
            } else if (roll < 50) {
                steps.add(new Step.Probe());
            } else {
                steps.add(new Step.Send(generator.next()));
            }
        }
        return steps;
    }

    /** Whether these steps, replayed on a fresh card, break an invariant of this kind. */
    boolean fails(FuzzTarget target, List<Step> steps, Violation.Kind kind) {
        Violation violation = new Episode(freshCard(), target, keys, rules, null).run(steps);
        return violation != null && violation.kind() == kind;
    }

    /** ddmin (Zeller): the smallest sublist found that still fails the same way. */
    List<Step> shrink(FuzzTarget target, List<Step> failing, Violation.Kind kind) {
        return shrink(failing, steps -> fails(target, steps, kind));
    }

    static <T> List<T> shrink(List<T> failing, java.util.function.Predicate<List<T>> fails) {
        List<T> current = new ArrayList<>(failing);
        int granularity = 2;
        while (current.size() >= 2) {
            int chunk = (int) Math.ceil(current.size() / (double) granularity);
            boolean reduced = false;
            for (int start = 0; start < current.size(); start += chunk) {
                List<T> complement = new ArrayList<>(current.subList(0, start));
                complement.addAll(current.subList(Math.min(current.size(), start + chunk), current.size()));
                if (!complement.isEmpty() && fails.test(complement)) {
                    current = complement;
                    granularity = Math.max(granularity - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (granularity >= current.size()) {
                    break;
                }
                granularity = Math.min(granularity * 2, current.size());
            }
        }
        return current;
    }

    /** The target by name, for tests. */
    FuzzTarget target(String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
