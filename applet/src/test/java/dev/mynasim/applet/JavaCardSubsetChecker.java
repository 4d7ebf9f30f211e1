package dev.mynasim.applet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads one compiled class and lists everything outside the classic Java Card subset the
 * applets must keep to, as "Class.method: what" lines. Empty list = clean.
 */
final class JavaCardSubsetChecker {
    /**
     * Methods that may allocate, besides constructors:
     * - install: the JCRE entry point that creates the applet;
     * - createElementaryFile / setKeyComponent / setDataObject: CREATE EF, SET KEY and the master
     *   file's SET DATA OBJECT allocate a file body, key object or data object once, during
     *   personalisation (docs/personalisation.md);
     * - the file-table builders (FILE_TABLE_BUILDERS), called only from the concrete
     *   application's constructor (checked separately by {@link #builderCallers}).
     */
    static final Set<String> FILE_TABLE_BUILDERS = Set.of("addDataFile", "addRecordFile", "addPin", "addKeyFile",
        "addOwnSigningKey", "addInternalAuthenticationKey");
    static final Set<String> ALLOCATING_METHODS = union(FILE_TABLE_BUILDERS,
        Set.of("<init>", "install", "createElementaryFile", "setKeyComponent", "setDataObject"));

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static final Set<String> FORBIDDEN_PREFIXES = Set.of(
        "java/lang/String", "java/lang/StringBuilder", "java/lang/StringBuffer", "java/util/", "java/io/",
        "java/lang/Long", "java/lang/Float", "java/lang/Double", "java/lang/Integer", "java/lang/invoke/");

    private static final Set<String> ALLOCATING_CALLS = Set.of(
        "javacard/framework/JCSystem.makeTransientByteArray", "javacard/framework/JCSystem.makeTransientShortArray",
        "javacard/framework/JCSystem.makeTransientBooleanArray", "javacard/framework/JCSystem.makeTransientObjectArray",
        "javacard/security/KeyBuilder.buildKey", "javacardx/crypto/Cipher.getInstance",
        "javacard/security/Signature.getInstance", "javacard/security/MessageDigest.getInstance",
        "javacard/security/KeyPair.<init>", "javacard/security/RandomData.getInstance",
        "javacard/security/KeyAgreement.getInstance");

    private final List<String> violations = new ArrayList<>();
    /** "Caller -> builder" pairs, so the test can prove builders run only from constructors. */
    final List<String> builderCallers = new ArrayList<>();
    private final boolean forbidInt;

    JavaCardSubsetChecker(boolean forbidInt) {
        this.forbidInt = forbidInt;
    }

    List<String> check(byte[] classFile) {
        new ClassReader(classFile).accept(new Visitor(), 0);
        return violations;
    }

    private final class Visitor extends ClassVisitor {
        private String className;

        Visitor() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            className = name.substring(name.lastIndexOf('/') + 1);
            type(className, "superclass", superName);
            for (String i : interfaces) {
                type(className, "interface", i);
            }
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            String where = className + "." + name;
            descriptor(where, "field type", descriptor);
            if ((access & Opcodes.ACC_STATIC) != 0 && (access & Opcodes.ACC_FINAL) == 0) {
                violations.add(where + ": non-final static field (mutable static state)");
            }
            if (value instanceof Long || value instanceof Float || value instanceof Double || value instanceof String) {
                violations.add(where + ": constant of type " + value.getClass().getSimpleName());
            }
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            String where = className + "." + name;
            if (name.equals("<clinit>")) {
                violations.add(where + ": static initialiser (allocates or computes at class load)");
            }
            descriptor(where, "signature", descriptor);
            boolean mayAllocate = ALLOCATING_METHODS.contains(name);
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitInsn(int opcode) {
                    if (isWideOpcode(opcode)) {
                        violations.add(where + ": long/float/double instruction opcode " + opcode);
                    }
                }

                @Override
                public void visitVarInsn(int opcode, int var) {
                    if (opcode == Opcodes.LLOAD || opcode == Opcodes.LSTORE || opcode == Opcodes.FLOAD
                        || opcode == Opcodes.FSTORE || opcode == Opcodes.DLOAD || opcode == Opcodes.DSTORE) {
                        violations.add(where + ": long/float/double local (opcode " + opcode + ")");
                    }
                }

                @Override
                public void visitIntInsn(int opcode, int operand) {
                    if (opcode == Opcodes.NEWARRAY && !mayAllocate) {
                        violations.add(where + ": NEWARRAY outside an allocating method");
                    }
                    if (opcode == Opcodes.NEWARRAY && (operand == Opcodes.T_LONG || operand == Opcodes.T_FLOAT
                        || operand == Opcodes.T_DOUBLE || (forbidInt && operand == Opcodes.T_INT))) {
                        violations.add(where + ": array of a forbidden primitive type");
                    }
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    if ((opcode == Opcodes.NEW || opcode == Opcodes.ANEWARRAY) && !mayAllocate) {
                        violations.add(where + ": " + (opcode == Opcodes.NEW ? "NEW " : "ANEWARRAY ") + type
                            + " outside an allocating method");
                    }
                    type(where, "type instruction", type);
                }

                @Override
                public void visitMultiANewArrayInsn(String descriptor, int dims) {
                    if (!mayAllocate) {
                        violations.add(where + ": MULTIANEWARRAY outside an allocating method");
                    }
                    descriptor(where, "array", descriptor);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String fieldName, String fieldDescriptor) {
                    type(where, "field owner", owner);
                    descriptor(where, "field " + fieldName, fieldDescriptor);
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor, boolean itf) {
                    type(where, "call owner", owner);
                    descriptor(where, "call " + method, methodDescriptor);
                    if (ALLOCATING_CALLS.contains(owner + "." + method) && !mayAllocate) {
                        violations.add(where + ": allocating call " + owner + "." + method);
                    }
                    if (FILE_TABLE_BUILDERS.contains(method)) {
                        builderCallers.add(name + " -> " + method);
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(String dynName, String dynDescriptor, Handle bootstrap, Object... args) {
                    violations.add(where + ": invokedynamic " + dynName + " (string concatenation or lambda)");
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof String || value instanceof Long || value instanceof Float || value instanceof Double) {
                        violations.add(where + ": LDC constant of type " + value.getClass().getSimpleName());
                    }
                    if (value instanceof Type) {
                        descriptor(where, "class literal", ((Type) value).getDescriptor());
                    }
                }

                @Override
                public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                    if (type != null) {
                        type(where, "catch", type);
                    }
                }
            };
        }

        private void type(String where, String what, String internalName) {
            if (internalName == null) {
                return;
            }
            String bare = internalName.replaceAll("^\\[+L?|;$", "");
            for (String prefix : FORBIDDEN_PREFIXES) {
                if (bare.startsWith(prefix)) {
                    violations.add(where + ": " + what + " uses " + bare);
                    return;
                }
            }
        }

        private void descriptor(String where, String what, String descriptor) {
            Type t = Type.getType(descriptor);
            List<Type> types = new ArrayList<>();
            if (t.getSort() == Type.METHOD) {
                types.add(t.getReturnType());
                types.addAll(List.of(t.getArgumentTypes()));
            } else {
                types.add(t);
            }
            for (Type each : types) {
                Type element = each.getSort() == Type.ARRAY ? each.getElementType() : each;
                switch (element.getSort()) {
                    case Type.LONG, Type.FLOAT, Type.DOUBLE ->
                        violations.add(where + ": " + what + " uses " + element.getClassName());
                    case Type.INT -> {
                        if (forbidInt) {
                            violations.add(where + ": " + what + " uses int");
                        }
                    }
                    case Type.OBJECT -> type(where, what, element.getInternalName());
                    default -> { }
                }
            }
        }
    }

    private static boolean isWideOpcode(int opcode) {
        return (opcode >= Opcodes.LCONST_0 && opcode <= Opcodes.DCONST_1)
            || (opcode >= Opcodes.LALOAD && opcode <= Opcodes.DALOAD)
            || (opcode >= Opcodes.LASTORE && opcode <= Opcodes.DASTORE)
            || opcode == Opcodes.LADD || opcode == Opcodes.FADD || opcode == Opcodes.DADD
            || opcode == Opcodes.LSUB || opcode == Opcodes.FSUB || opcode == Opcodes.DSUB
            || opcode == Opcodes.LMUL || opcode == Opcodes.FMUL || opcode == Opcodes.DMUL
            || opcode == Opcodes.LDIV || opcode == Opcodes.FDIV || opcode == Opcodes.DDIV
            || opcode == Opcodes.LREM || opcode == Opcodes.FREM || opcode == Opcodes.DREM
            || opcode == Opcodes.LNEG || opcode == Opcodes.FNEG || opcode == Opcodes.DNEG
            || opcode == Opcodes.LSHL || opcode == Opcodes.LSHR || opcode == Opcodes.LUSHR
            || opcode == Opcodes.LAND || opcode == Opcodes.LOR || opcode == Opcodes.LXOR
            || (opcode >= Opcodes.I2L && opcode <= Opcodes.D2I)
            || (opcode >= Opcodes.LCMP && opcode <= Opcodes.DCMPG)
            || opcode == Opcodes.LRETURN || opcode == Opcodes.FRETURN || opcode == Opcodes.DRETURN;
    }
}
