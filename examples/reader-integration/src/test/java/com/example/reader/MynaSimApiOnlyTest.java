package com.example.reader;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The application needs only the JDK; its tests reach MynaSim only through the API its READMEs list. */
@AnalyzeClasses(packages = "com.example.reader")
class MynaSimApiOnlyTest {

    /** Every MynaSim type these tests may touch: the artifacts' listed API, nothing else. */
    static final String MYNASIM_API = "dev\\.mynasim\\.(smartcardio\\.(MynaSimProvider|MynaSimReaders|CardControl)"
            + "|junit\\.MynaCard(\\$(Scope|Via))?"
            + "|fixtures\\.(Persona|Pins)"
            + "|simulator\\.fault\\.(Fault|LatencyProfile)"
            + "|world\\.issuer\\.(TestCertificateAuthority|CertificatePurpose))";

    @ArchTest
    static final ArchRule theApplicationUsesOnlyTheJdk = classes()
            .that().resideInAPackage("com.example.reader")
            .and().haveSimpleNameNotEndingWith("Test")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "com.example..");

    @ArchTest
    static final ArchRule theTestsUseTheListedMynaSimApiOnly = classes()
            .that().resideInAPackage("com.example.reader")
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "javax..", "com.example..", "org.junit..",
                    "com.tngtech.archunit..").or(nameMatching(MYNASIM_API)));
}
