package dev.mynasim.cli.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The issuer's secrets stay with the issuer: in the compiled main classes of every module, only the
 * packages below call the issuer master key ({@code IssuerKeyDerivation}), the test CAs' private keys
 * ({@code TestPki.authCaKey/signCaKey}, {@code TestCertificateAuthority.caKey}) or the issuer's own
 * keys ({@code IssuerKeys.cvCa/dataSigning}). Calls, method references and lambdas are all found (ASM).
 */
class IssuerKeyConfinementTest {

    /** Package (internal name) → why it may hold issuer keys. */
    static final Map<String, String> ALLOWED = Map.of(
            "dev/mynasim/world/issuer", "the test CA and the issuer: signs certificates, CRLs and OCSP answers, derives card keys;"
                    + " the office's issuer channel: EXTERNAL AUTHENTICATE with the card's derived key",
            "dev/mynasim/fixtures/pki", "generates and holds the test PKI, CA keys included",
            "dev/mynasim/simulator/issuer", "personalisation: writes the issuer keys into the card at issue",
            "dev/mynasim/tools/fuzz", "the fuzzer's leak detector: holds the keys only to look for them in responses");

    /** Owner (internal name) → guarded methods; an empty list guards every member. */
    static final Map<String, List<String>> GUARDED = Map.of(
            "dev/mynasim/fixtures/pki/IssuerKeyDerivation", List.of(),
            "dev/mynasim/fixtures/pki/TestPki", List.of("authCaKey", "signCaKey"),
            "dev/mynasim/world/issuer/TestCertificateAuthority", List.of("caKey"),
            "dev/mynasim/simulator/issuer/IssuerKeys", List.of("cvCa", "dataSigning"));

    static boolean guarded(String owner, String name) {
        List<String> methods = GUARDED.get(owner);
        return methods != null && (methods.isEmpty() || methods.contains(name));
    }

    /** "caller: owner.method" for every guarded call from a class outside the allowed packages. */
    static List<String> violations(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        String caller = reader.getClassName();
        String callerPackage = caller.substring(0, Math.max(0, caller.lastIndexOf('/')));
        List<String> out = new ArrayList<>();
        if (ALLOWED.containsKey(callerPackage)) {
            return out;
        }
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        if (guarded(owner, method)) {
                            out.add(caller + ": " + owner + "." + method);
                        }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String method, String desc, Handle bootstrap, Object... arguments) {
                        for (Object argument : arguments) {
                            if (argument instanceof Handle h && guarded(h.getOwner(), h.getName())) {
                                out.add(caller + ": " + h.getOwner() + "::" + h.getName());
                            }
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return out;
    }

    @Test
    void onlyTheIssuerPackagesReachTheIssuerKeys() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("features"))) {
            root = root.getParent();
            assertTrue(root != null, "no MynaSim checkout above the working directory");
        }
        TreeSet<String> violations = new TreeSet<>();
        int classes = 0;
        for (String module : List.of("applet", "applet/model", "fixtures", "simulator",
                "harness/client", "harness/world", "harness/tools", "harness/glue", "harness/cli")) {
            Path dir = root.resolve(module).resolve("target").resolve("classes");
            assertTrue(Files.isDirectory(dir), dir + " is compiled");
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        violations.addAll(violations(in.readAllBytes()));
                    }
                    classes++;
                }
            }
        }
        assertTrue(classes > 200, "classes scanned: " + classes);
        assertEquals(List.of(), List.copyOf(violations), "issuer keys reached outside " + ALLOWED.keySet());
    }

    @Test
    void theScanFindsACallFromElsewhere() throws IOException {
        // a class outside the allowed packages that calls a guarded accessor: the harness's own office
        // code is allowed, so take one of its compiled classes and check the rule flags the same bytes
        // when the caller's package is not allowed (the reader works on the bytes; the name is in them)
        byte[] office;
        try (InputStream in = getClass().getResourceAsStream("/dev/mynasim/world/issuer/TransportIssuerChannel.class")) {
            office = in.readAllBytes();
        }
        assertEquals(List.of(), violations(office), "an allowed package");
        byte[] renamed = renamePackage(office, "dev/mynasim/world/issuer/", "dev/mynasim/world/xxxxxx/");
        assertTrue(violations(renamed).stream().anyMatch(v -> v.contains("IssuerKeyDerivation")), violations(renamed).toString());
    }

    /** The same class with its package renamed (same length, so the constant pool stays valid). */
    private static byte[] renamePackage(byte[] classFile, String from, String to) {
        byte[] out = classFile.clone();
        byte[] f = from.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] t = to.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i + f.length <= out.length; i++) {
            if (java.util.Arrays.equals(out, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, out, i, t.length);
            }
        }
        return out;
    }
}
