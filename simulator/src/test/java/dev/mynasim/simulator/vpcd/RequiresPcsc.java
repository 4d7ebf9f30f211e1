package dev.mynasim.simulator.vpcd;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that goes through the real pcscd with vpcd on slot 0. Without them the class is skipped
 * loudly (reason on stderr and in the JUnit report), or fails when MYNASIM_REQUIRE_PCSC=1 (as in CI).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PcscExtension.class)
public @interface RequiresPcsc {
}
