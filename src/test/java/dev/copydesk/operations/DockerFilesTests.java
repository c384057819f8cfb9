package dev.copydesk.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * There is no Docker engine on the build machines, so the image is never built in CI: this keeps
 * {@code docker/} in step with the code instead (files copied exist, jar name, port, health path,
 * profile and environment variables).
 */
class DockerFilesTests {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path DOCKERFILE = ROOT.resolve("docker/Dockerfile");
    static final Path COMPOSE = ROOT.resolve("docker/compose.yaml");
    static final Path NGINX = ROOT.resolve("docker/nginx.conf");
    static final List<String> NODES = List.of("copydesk-a", "copydesk-b");

    @Test
    void dockerfileCopiesOnlyFilesThatExist() throws IOException {
        Matcher copy = Pattern.compile("(?m)^COPY\\s+(?!--from)(.+)$").matcher(read(DOCKERFILE));
        List<String> sources = new ArrayList<>();
        while (copy.find()) {
            String[] parts = copy.group(1).trim().split("\\s+");
            for (int i = 0; i < parts.length - 1; i++) {
                if (!parts[i].startsWith("--")) {
                    sources.add(parts[i]);
                }
            }
        }
        assertThat(sources).contains("pom.xml", "src", "processes");
        assertThat(sources).allSatisfy(source -> assertThat(ROOT.resolve(source)).exists());
    }

    @Test
    void dockerfilePackagesTheJarThePomBuilds() throws IOException {
        String pom = read(ROOT.resolve("pom.xml"));
        String withoutParent = pom.replaceAll("(?s)<parent>.*?</parent>", "");
        Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(withoutParent);
        assertThat(artifact.find()).isTrue();
        assertThat(read(DOCKERFILE)).contains("target/" + artifact.group(1) + "-*.jar");
        assertThat(pom).contains("spring-boot-maven-plugin");
    }

    @Test
    void runtimeIsJava17JreAsANonRootUserWithAHeapSettingAndReadinessHealthCheck() throws IOException {
        String dockerfile = read(DOCKERFILE);
        String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        assertThat(runtime).contains("FROM eclipse-temurin:17-jre");
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(runtime);
        assertThat(user.find()).isTrue();
        assertThat(user.group(1)).isNotIn("root", "0");
        assertThat(runtime).containsPattern("JAVA_OPTS=\"[^\"]*(Xmx|MaxRAMPercentage)");
        assertThat(runtime).contains("HEALTHCHECK").contains("http://127.0.0.1:" + serverPort() + "/actuator/health/readiness");
        assertThat(runtime).contains("EXPOSE " + serverPort());
        assertThat(read(ROOT.resolve("src/main/resources/application.yaml")))
                .contains("probes:\n        enabled: true")
                .contains("readiness:\n          include: readinessState,db");
    }

    @Test
    void composeRunsTwoNodesOnThePostgresProfileBehindTheProxy() throws IOException {
        Map<String, Object> compose = new Yaml().load(read(COMPOSE));
        Map<String, Map<String, Object>> services = cast(compose.get("services"));
        assertThat(services).containsKeys("postgres", "proxy");
        assertThat(services).containsKeys(NODES.toArray(String[]::new));
        assertThat(String.valueOf(services.get("postgres").get("image"))).startsWith("postgres:15");

        Set<String> profileVariables = environmentVariablesOf(read(ROOT.resolve("src/main/resources/application-postgres.yaml")));
        assertThat(profileVariables).contains("COPYDESK_DB_URL", "COPYDESK_DB_USER", "COPYDESK_DB_PASSWORD");
        for (String node : NODES) {
            Map<String, Object> service = services.get(node);
            Map<String, Object> build = cast(service.get("build"));
            assertThat(ROOT.resolve("docker").resolve(String.valueOf(build.get("context")))
                    .resolve(String.valueOf(build.get("dockerfile"))).normalize()).isEqualTo(DOCKERFILE);
            Map<String, Object> environment = cast(service.get("environment"));
            String profile = String.valueOf(environment.get("SPRING_PROFILES_ACTIVE"));
            assertThat(ROOT.resolve("src/main/resources/application-" + profile + ".yaml")).exists();
            assertThat(environment).containsKeys("COPYDESK_DB_URL", "COPYDESK_DB_USER", "COPYDESK_DB_PASSWORD",
                    "COPYDESK_ADMIN_PASSWORD");
            assertThat(String.valueOf(environment.get("COPYDESK_DB_URL"))).startsWith("jdbc:postgresql://postgres:5432/");
            assertThat(profileVariables).containsAll(environment.keySet().stream()
                    .filter(name -> name.startsWith("COPYDESK_DB_")).toList());
        }
    }

    @Test
    void proxyBalancesBothNodesOnTheirPort() throws IOException {
        Map<String, Object> compose = new Yaml().load(read(COMPOSE));
        Map<String, Map<String, Object>> services = cast(compose.get("services"));
        List<String> volumes = cast(services.get("proxy").get("volumes"));
        String config = volumes.get(0).split(":")[0];
        assertThat(ROOT.resolve("docker").resolve(config).normalize()).isEqualTo(NGINX);
        String nginx = read(NGINX);
        for (String node : NODES) {
            assertThat(nginx).contains("server " + node + ":" + serverPort());
        }
        assertThat(nginx).contains("proxy_set_header X-Request-Id").contains("X-Forwarded-For");
    }

    /** The HTTP port: Spring Boot's 8080 unless application.yaml sets another. */
    private static int serverPort() throws IOException {
        Map<String, Object> yaml = new Yaml().loadAll(read(ROOT.resolve("src/main/resources/application.yaml")))
                .iterator().next() instanceof Map<?, ?> first ? cast(first) : Map.of();
        Map<String, Object> server = cast(yaml.getOrDefault("server", Map.of()));
        Object port = server.get("port");
        return port == null ? 8080 : Integer.parseInt(port.toString());
    }

    private static Set<String> environmentVariablesOf(String yaml) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::[^}]*)?}").matcher(yaml);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String read(Path path) throws IOException {
        return Files.readString(path);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
