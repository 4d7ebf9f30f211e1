package dev.mynasim.cli;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.fixtures.PersonaJson;
import dev.mynasim.fixtures.PersonaRepository;
import dev.mynasim.client.backend.Fixtures;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mynasim personas}: the card holders the simulator can issue cards for. */
@Command(name = "personas", mixinStandardHelpOptions = true,
        description = "Lists the personas (test card holders) with their PINs and computed expiry dates.")
public final class PersonasCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print a JSON array (keys: name, birthDate, myNumber, pins, cardExpiry, authCertExpiry, signCertExpiry, ...).")
    boolean json;

    @Override
    public Integer call() {
        PersonaRepository personas = Fixtures.get().personas();
        if (json) {
            System.out.println(PersonaJson.toPrettyString(personas));
            return 0;
        }
        System.out.printf("%-8s %-3s %-20s %-10s %-10s %-10s %-10s %-5s %-16s%n",
                "persona", "", "name", "born", "issued", "card exp.", "cert exp.", "auth", "sign password");
        for (Persona p : personas.all()) {
            System.out.printf("%-8s %-3s %-20s %-10s %-10s %-10s %-10s %-5s %-16s%n",
                    p.id(), p.isDefault() ? "(*)" : "", p.name(), p.birthDate(), p.issueDate(), p.cardExpiry(),
                    p.authCertificateExpiry(), p.pins().auth(), p.pins().sign().orElse("(none: under 15)"));
        }
        System.out.println("(*) default persona. Text and 住基 PINs: see --json.");
        return 0;
    }
}
