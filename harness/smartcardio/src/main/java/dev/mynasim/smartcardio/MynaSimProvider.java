package dev.mynasim.smartcardio;

import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.Map;

/**
 * The javax.smartcardio provider: {@code TerminalFactory.getInstance("MynaSim", params)} gives the virtual
 * readers of a {@link MynaSimReaders} (pass one to keep its {@link CardControl}s), of a persona list such as
 * {@code "hanako,taro"}, or, for {@code null}, of the {@value MynaSimReaders#READERS_PROPERTY} system
 * property (default: the default persona). No pcscd, no root, nothing outside this JVM.
 *
 * <pre>{@code
 * MynaSimProvider.install();                       // or pass MynaSimProvider.get() to getInstance
 * TerminalFactory factory = TerminalFactory.getInstance("MynaSim", MynaSimReaders.of("hanako"));
 * }</pre>
 */
public final class MynaSimProvider extends Provider {

    /** The provider's name and the TerminalFactory type it offers. */
    public static final String NAME = "MynaSim";
    private static final long serialVersionUID = 1L;
    private static final MynaSimProvider INSTANCE = new MynaSimProvider();

    private MynaSimProvider() {
        super(NAME, "0.1", "MynaSim: virtual PC/SC readers holding virtual My Number Cards (TerminalFactory.MynaSim)");
        putService(new TerminalFactoryService(this));
    }

    /** The provider, for {@code TerminalFactory.getInstance("MynaSim", params, MynaSimProvider.get())}. */
    public static MynaSimProvider get() {
        return INSTANCE;
    }

    /** Registers the provider with {@link Security} (once), so that {@code getInstance("MynaSim", params)} finds it. */
    public static synchronized void install() {
        if (Security.getProvider(NAME) == null) {
            Security.addProvider(INSTANCE);
        }
    }

    /** Builds the factory directly (no reflection), so the factory class stays package-private. */
    private static final class TerminalFactoryService extends Provider.Service {
        TerminalFactoryService(Provider provider) {
            super(provider, "TerminalFactory", NAME, MynaSimTerminalFactory.class.getName(), List.of(), Map.of());
        }

        @Override
        public Object newInstance(Object parameter) {
            return new MynaSimTerminalFactory(MynaSimReaders.fromParameter(parameter));
        }
    }
}
