package dev.mynasim.cli;

import dev.mynasim.world.issuer.CallCentre;
import dev.mynasim.world.issuer.CertificateRecord;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mynasim callcenter suspend}: a loss report; the certificates go on hold at the shared test CA. */
@Command(name = "callcenter", mixinStandardHelpOptions = true,
        description = "The My Number Card call centre (0120-95-0178): suspend a lost card's certificates.",
        subcommands = {CallCenterCommand.Suspend.class})
public final class CallCenterCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true,
            description = "Loss report: every good certificate of the holder goes on hold (certificateHold). The lost card itself is not touched.")
    static final class Suspend implements Callable<Integer> {
        @Mixin
        OfficeCommand.Counter counter;

        @Override
        public Integer call() {
            for (CertificateRecord r : new CallCentre(counter.ca()).reportLoss(counter.persona(), counter.today())) {
                System.out.println("callcenter: " + r.purpose() + " certificate " + r.serialHex() + " is " + r.state());
            }
            return 0;
        }
    }
}
