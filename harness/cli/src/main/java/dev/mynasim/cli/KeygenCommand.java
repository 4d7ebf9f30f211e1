package dev.mynasim.cli;

import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.world.issuer.KeyGenerationCheck;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mynasim keygen}: N key pairs generated on a virtual card, each one signing and checked on the host. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Generates N RSA-2048 key pairs on one virtual card through the office's issuer channel (alternately",
            "the auth and the sign key), signs with each new key and verifies the signature on the host. Prints how many",
            "signed correctly, how many did not, and how many pairs the card's consistency test rejected and made again",
            "(docs/on-card-keys.md). Exit code 0 only if every key signed correctly."})
public final class KeygenCommand implements Callable<Integer> {

    @Option(names = "--count", converter = OptionValues.Count.class, paramLabel = "N", defaultValue = "200", description = "Key pairs to generate (default ${DEFAULT-VALUE}).")
    int count;

    @Mixin
    PersonaOption personaOption = new PersonaOption();

    @Option(names = "--seed", converter = OptionValues.Seed.class, paramLabel = "S", description = "Seed the card's key generators reproducibly (default: fresh random seeds).")
    Long seed;

    @Override
    public Integer call() {
        if (count < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--count must be at least 1");
        }
        Persona persona = personaOption.persona();
        Optional<Long> chosenSeed = Optional.ofNullable(seed);
        KeyGenerationCheck.Result result = new KeyGenerationCheck(persona, Fixtures.get().pki(), chosenSeed, System.out).run(count);
        System.out.println(KeyGenerationCheck.summary(result, persona.id(), chosenSeed));
        return result.ok() ? 0 : 1;
    }
}
