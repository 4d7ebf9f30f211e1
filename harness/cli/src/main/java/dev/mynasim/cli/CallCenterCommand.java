package dev.mynasim.cli;

import dev.mynasim.world.issuer.CallCentre;
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
        DeskOptions.Desk desk;

        @Override
        public Integer call() {
            desk.printRecords("callcenter.certificate", new CallCentre(desk.state.ca()).reportLoss(desk.holder.persona(), desk.day.today()));
            return 0;
        }
    }
}
