package dev.mynasim.smartcardio;

import dev.mynasim.simulator.fault.ControlledCard;
import dev.mynasim.simulator.fault.Fault;
import dev.mynasim.simulator.fault.FaultInjectingCard;
import dev.mynasim.simulator.fault.LatencyProfile;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link CardControl} whose switches are the simulator's own controls of one card (faults, latency,
 * a short-APDU-only reader); a subclass says what presence means for its reader: the in-process
 * reader of this module, or a card in a vpcd slot behind pcscd ({@code mynasim-junit}).
 */
public abstract class SimulatedCardControl implements CardControl {

    private final ControlledCard controls;

    protected SimulatedCardControl(ControlledCard controls) {
        this.controls = Objects.requireNonNull(controls, "controls");
    }

    @Override
    public final void injectFault(Fault fault) {
        controls.faults().arm(fault);
    }

    @Override
    public final void injectFault(Fault fault, int instruction) {
        controls.faults().arm(fault, FaultInjectingCard.instruction(instruction));
    }

    @Override
    public final void goMute() {
        controls.faults().goMute();
    }

    @Override
    public final void slowDown(Duration delay) {
        controls.faults().slowDown(delay);
    }

    @Override
    public final void setLatency(LatencyProfile latency) {
        controls.latency().setProfile(latency);
    }

    @Override
    public final void limitToShortApdus(boolean limited) {
        controls.reader().setLimited(limited);
    }

    @Override
    public final void clearFaults() {
        controls.faults().clear();
    }
}
