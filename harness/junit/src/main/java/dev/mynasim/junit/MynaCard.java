package dev.mynasim.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Puts a freshly issued virtual My Number Card into a reader for each test of the annotated class (or for
 * the annotated test method, which overrides the class's settings), and injects into test and lifecycle
 * method parameters, by type:
 * <ul>
 *   <li>{@code javax.smartcardio.CardTerminal}: the reader with the card, ready to {@code connect("*")};</li>
 *   <li>{@code dev.mynasim.smartcardio.CardControl}: remove and insert the card, inject faults and latency;</li>
 *   <li>{@code dev.mynasim.fixtures.Persona}: whose card it is (name, dates, the PINs set at issue);</li>
 *   <li>{@code dev.mynasim.world.issuer.TestCertificateAuthority}: the test CA that issued its certificates,
 *       with its own state (revoke, hold, CRLs, OCSP), fresh with the card.</li>
 * </ul>
 * Each test gets its own card ({@link Scope#PER_TEST}): nothing one test does to it (a spent PIN try, a
 * lock-out) is seen by the next. {@link Scope#PER_CLASS} on the class shares one card by all its tests.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MynaCardExtension.class)
public @interface MynaCard {

    /** The persona id ({@code hanako}, {@code hikari}, {@code maria}, {@code ren}); empty for the default persona. */
    String persona() default "";

    /** A fresh card for every test, or one card for the whole class. */
    Scope scope() default Scope.PER_TEST;

    /** In this JVM through the MynaSim provider, or through pcscd in a free vpcd slot. */
    Via via() default Via.IN_PROCESS;

    /** The card profile (its ATR): {@code contact}, {@code contact-03}, {@code contactless}, ... */
    String profile() default "contact";

    /** The latency profile, as {@code mynasim serve --latency} takes it: {@code none}, {@code contact}, {@code contact,sign=800}. */
    String latency() default "none";

    /** How long a card lives. */
    enum Scope {
        /** A new card for each test. */
        PER_TEST,
        /** One card for all the tests of the class (only on a class). */
        PER_CLASS
    }

    /** Which reader the card sits in. */
    enum Via {
        /** A MynaSim virtual reader in this JVM (javax.smartcardio provider "MynaSim"): no pcscd needed. */
        IN_PROCESS,
        /**
         * A free vpcd slot of the machine's pcscd, for code that links to PC/SC natively; the terminal is
         * the JDK's "PC/SC" one. Without pcscd and vpcd the test is skipped with the reason, or fails when
         * the environment sets {@code MYNASIM_REQUIRE_PCSC=1}.
         */
        PCSC
    }
}
