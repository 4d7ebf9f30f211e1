package com.example.qa;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Our steps reach MynaSim only through the API its READMEs list (the glue's worlds and the card client). */
@AnalyzeClasses(packages = "com.example.qa")
class MynaSimApiOnlyTest {

    @ArchTest
    static final ArchRule ourStepsUseTheListedMynaSimApiOnly = classes()
            .that().resideInAPackage("com.example.qa..")
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "javax..", "com.example..", "org.junit..",
                    "io.cucumber..", "com.tngtech.archunit..")
                    .or(nameMatching("dev\\.mynasim\\.(glue\\.steps\\.(CardWorld|LifecycleWorld)"
                            + "|client\\.card\\.(CardClient|CardResponse|ReadMethod)"
                            + "|model\\.(CardApplication|CardFile|KeyRef|Pin)"
                            + "|fixtures\\.(Persona|Pins))")));
}
