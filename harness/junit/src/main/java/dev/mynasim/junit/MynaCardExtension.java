package dev.mynasim.junit;

import static org.junit.jupiter.api.Assertions.fail;

import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.simulator.CardProfile;
import dev.mynasim.simulator.fault.LatencyProfile;
import dev.mynasim.simulator.vpcd.PcscEnvironment;
import dev.mynasim.smartcardio.CardControl;
import dev.mynasim.world.issuer.TestCertificateAuthority;
import java.util.List;
import java.util.function.Function;
import javax.smartcardio.CardTerminal;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** What {@link MynaCard} does: a card session per test or per class, in the matching JUnit store, and injection by type. */
final class MynaCardExtension implements BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MynaCardExtension.class);
    private static final String SESSION = "card";

    /** Issues the card before the test (so a PC/SC test skips or fails before it starts). */
    @Override
    public void beforeEach(ExtensionContext context) {
        session(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return accessor(parameter.getParameter().getType()) != null;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return accessor(parameter.getParameter().getType()).apply(session(context));
    }

    private static Function<CardSession, Object> accessor(Class<?> type) {
        if (type == CardTerminal.class) {
            return CardSession::terminal;
        }
        if (type == CardControl.class) {
            return CardSession::control;
        }
        if (type == Persona.class) {
            return CardSession::persona;
        }
        if (type == TestCertificateAuthority.class) {
            return CardSession::ca;
        }
        return null;
    }

    private static CardSession session(ExtensionContext context) {
        MynaCard onMethod = context.getTestMethod().flatMap(method -> AnnotationSupport.findAnnotation(method, MynaCard.class)).orElse(null);
        if (onMethod != null && onMethod.scope() == MynaCard.Scope.PER_CLASS) {
            throw new ExtensionConfigurationException("@MynaCard(scope = PER_CLASS) belongs on the test class, not on "
                    + context.getRequiredTestMethod().getName());
        }
        ExtensionContext classContext = classContext(context);
        MynaCard onClass = AnnotationSupport.findAnnotation(classContext.getRequiredTestClass(), MynaCard.class).orElse(null);
        MynaCard settings = onMethod != null ? onMethod : onClass;
        if (settings == null) {
            throw new ExtensionConfigurationException("MynaCardExtension needs @MynaCard on the test class or method");
        }
        ExtensionContext owner = onMethod == null && settings.scope() == MynaCard.Scope.PER_CLASS ? classContext : context;
        String where = owner.getDisplayName();
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(SESSION, key -> open(settings, where), CardSession.class);
    }

    /** The context of the test class: a test method's parent, or the class context itself. */
    private static ExtensionContext classContext(ExtensionContext context) {
        return context.getTestMethod().isPresent() ? context.getParent().orElse(context) : context;
    }

    private static CardSession open(MynaCard settings, String test) {
        Persona persona = settings.persona().isEmpty() ? Fixtures.get().personas().defaultPersona()
                : Fixtures.get().personas().byId(settings.persona());
        CardProfile profile = CardProfile.named(settings.profile());
        LatencyProfile latency = LatencyProfile.parse(settings.latency());
        if (settings.via() == MynaCard.Via.IN_PROCESS) {
            return new InProcessSession(persona, profile, latency);
        }
        PcscSession.FreeSlot free = PcscSession.findFreeSlot();
        if (free.unavailable() != null) {
            skipOrFail(test, free.unavailable());
        }
        return new PcscSession(persona, profile, latency, free);
    }

    /** The PC/SC tests' rule: skipped loudly with the reason, or failed under MYNASIM_REQUIRE_PCSC=1. Never returns. */
    static void skipOrFail(String test, String unavailable) {
        String reason = PcscEnvironment.unavailableReason(test, new PcscEnvironment.Status(List.of(unavailable)));
        if (PcscEnvironment.required()) {
            fail(PcscEnvironment.REQUIRE_ENV + "=1 but " + reason);
        }
        System.err.println("SKIPPED " + reason);
        Assumptions.abort("SKIPPED " + reason);
    }
}
