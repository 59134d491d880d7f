package io.jenkins.plugins.gocontainer.contract;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the javac type-check of the plugin cannot see, checked on its sources without Jenkins:
 * every Jelly file is well-formed XML; every {@code field="x"} of a form names a
 * {@code @DataBoundConstructor} parameter or {@code @DataBoundSetter} of the form's class and has
 * a {@code help-x.html}; every {@code Messages.key(...)} exists in its package's
 * {@code Messages.properties} with as many arguments as placeholders; each {@code @Symbol} is
 * unique. Java is read with JavaParser, Jelly with the JDK's XML parser.
 */
public final class PluginContract {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private final Path plugin;
    private final Map<String, ClassOrInterfaceDeclaration> classes = new HashMap<>();
    private final Map<String, String> packages = new HashMap<>();
    private final List<String> violations = new ArrayList<>();

    private PluginContract(Path plugin) {
        this.plugin = plugin;
    }

    /** The violations in the plugin module at {@code plugin}; empty when it keeps the contract. */
    public static List<String> check(Path plugin) throws IOException {
        PluginContract contract = new PluginContract(plugin);
        contract.parseSources();
        contract.checkJelly();
        contract.checkMessages();
        contract.checkSymbols();
        return List.copyOf(contract.violations);
    }

    /** The names a class binds from a form or a step call: its data-bound constructor's parameters and setters. */
    public static Set<String> boundNames(ClassOrInterfaceDeclaration type) {
        Set<String> names = new LinkedHashSet<>();
        for (ConstructorDeclaration constructor : type.getConstructors()) {
            if (constructor.getAnnotationByName("DataBoundConstructor").isPresent()) {
                constructor.getParameters().stream().map(Parameter::getNameAsString).forEach(names::add);
            }
        }
        for (MethodDeclaration method : type.getMethods()) {
            String name = method.getNameAsString();
            if (method.getAnnotationByName("DataBoundSetter").isPresent() && name.startsWith("set") && name.length() > 3) {
                names.add(Character.toLowerCase(name.charAt(3)) + name.substring(4));
            }
        }
        return names;
    }

    /** The parsed top-level class {@code qualifiedName} of the plugin's main sources. */
    public static Optional<ClassOrInterfaceDeclaration> parseClass(Path plugin, String qualifiedName) throws IOException {
        PluginContract contract = new PluginContract(plugin);
        contract.parseSources();
        return Optional.ofNullable(contract.classes.get(qualifiedName));
    }

    private void parseSources() throws IOException {
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        Path sources = plugin.resolve("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                CompilationUnit unit = StaticJavaParser.parse(file);
                String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
                for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
                    String name = type.getFullyQualifiedName().orElse(pkg + "." + type.getNameAsString());
                    classes.put(name, type);
                    packages.put(name, pkg);
                }
            }
        }
    }

    private void checkJelly() throws IOException {
        Path resources = plugin.resolve("src/main/resources");
        List<Path> jellies;
        try (Stream<Path> files = Files.walk(resources)) {
            jellies = files.filter(f -> f.toString().endsWith(".jelly")).sorted().toList();
        }
        if (!Files.isRegularFile(resources.resolve("index.jelly"))) {
            violations.add("src/main/resources/index.jelly is missing: it holds the plugin's description");
        }
        for (Path jelly : jellies) {
            Optional<Document> document = parse(jelly);
            if (document.isEmpty()) {
                continue;
            }
            String fileName = jelly.getFileName().toString();
            if (fileName.equals("config.jelly") || fileName.equals("global.jelly")) {
                checkForm(resources, jelly, document.get());
            }
        }
    }

    private void checkForm(Path resources, Path jelly, Document document) {
        Path directory = jelly.getParent();
        String className = resources.relativize(directory).toString().replace('/', '.');
        ClassOrInterfaceDeclaration type = classes.get(className);
        String where = plugin.relativize(jelly).toString();
        if (type == null) {
            violations.add(where + ": no class " + className + " in src/main/java for this form");
            return;
        }
        Set<String> bound = boundNames(type);
        NodeList elements = document.getElementsByTagName("*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            String field = element.getAttribute("field");
            if (field.isEmpty()) {
                continue;
            }
            if (!bound.contains(field)) {
                violations.add(where + ": field=\"" + field + "\" is neither a @DataBoundConstructor parameter nor a @DataBoundSetter of "
                    + className + " (it has " + new TreeSet<>(bound) + ")");
            }
            if (!Files.isRegularFile(directory.resolve("help-" + field + ".html"))) {
                violations.add(where + ": field=\"" + field + "\" has no help-" + field + ".html next to the form");
            }
        }
    }

    private Optional<Document> parse(Path jelly) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return Optional.of(builder.parse(jelly.toFile()));
        } catch (SAXException e) {
            violations.add(plugin.relativize(jelly) + " is not well-formed XML: " + e.getMessage());
            return Optional.empty();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void checkMessages() throws IOException {
        Map<String, Properties> bundles = new HashMap<>();
        for (Map.Entry<String, ClassOrInterfaceDeclaration> entry : classes.entrySet()) {
            if (!entry.getValue().isTopLevelType()) {
                continue;
            }
            CompilationUnit unit = entry.getValue().findCompilationUnit().orElseThrow();
            for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
                if (!(call.getScope().orElse(null) instanceof NameExpr scope) || !scope.getNameAsString().equals("Messages")) {
                    continue;
                }
                String pkg = packages.get(entry.getKey());
                String method = call.getNameAsString();
                String key = (method.startsWith("_") ? method.substring(1) : method).replace('_', '.');
                Properties bundle = bundles.computeIfAbsent(pkg, this::bundle);
                String where = entry.getKey() + " line " + call.getBegin().map(p -> p.line).orElse(0);
                String message = bundle.getProperty(key);
                if (message == null) {
                    violations.add(where + ": Messages." + method + " has no key " + key + " in " + pkg.replace('.', '/') + "/Messages.properties");
                    continue;
                }
                int expected = arguments(message);
                if (call.getArguments().size() != expected) {
                    violations.add(where + ": Messages." + method + " is given " + call.getArguments().size() + " arguments, its message takes " + expected);
                }
            }
        }
    }

    private Properties bundle(String pkg) {
        Properties properties = new Properties();
        Path file = plugin.resolve("src/main/resources").resolve(pkg.replace('.', '/')).resolve("Messages.properties");
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                properties.load(reader);
            } catch (IOException e) {
                violations.add(plugin.relativize(file) + " cannot be read: " + e.getMessage());
            }
        }
        return properties;
    }

    /** As the localizer generates it: one argument per placeholder, up to the highest index. */
    static int arguments(String message) {
        int highest = -1;
        Matcher matcher = PLACEHOLDER.matcher(message);
        while (matcher.find()) {
            highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
        }
        return highest + 1;
    }

    private void checkSymbols() {
        Map<String, String> seen = new HashMap<>();
        for (Map.Entry<String, ClassOrInterfaceDeclaration> entry : classes.entrySet()) {
            for (AnnotationExpr annotation : entry.getValue().getAnnotations()) {
                if (annotation.getNameAsString().equals("Symbol") && annotation instanceof SingleMemberAnnotationExpr single
                    && single.getMemberValue() instanceof StringLiteralExpr symbol) {
                    String previous = seen.put(symbol.getValue(), entry.getKey());
                    if (previous != null) {
                        violations.add("@Symbol(\"" + symbol.getValue() + "\") is on both " + previous + " and " + entry.getKey());
                    }
                }
            }
        }
    }
}
