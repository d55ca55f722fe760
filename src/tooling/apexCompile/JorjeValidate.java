import apex.jorje.data.Location;
import apex.jorje.semantic.compiler.ApexCompiler;
import apex.jorje.semantic.compiler.CodeUnit;
import apex.jorje.semantic.compiler.CompilationInput;
import apex.jorje.semantic.compiler.CompilerStage;
import apex.jorje.semantic.compiler.SourceFile;
import apex.jorje.semantic.compiler.sfdc.AccessEvaluator;
import apex.jorje.semantic.compiler.sfdc.NoopCompilerProgressCallback;
import apex.jorje.semantic.compiler.sfdc.QueryValidator;
import apex.jorje.semantic.compiler.sfdc.SymbolProvider;
import apex.jorje.services.exception.CompilationException;
import apex.jorje.services.exception.ParseException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs Salesforce's Apex front end (jorje) to its VALIDATE stage over every file named on the
 * command line, compiled together so that the project's classes see each other, and prints one
 * tab-separated line per error: file, line, column, kind (syntax or semantic), message. With no
 * org behind it, the symbol provider, access evaluator and query validator are stubs that know
 * nothing, so SObjects and the standard library are unknown: the caller keeps only the errors that
 * do not depend on them.
 */
public final class JorjeValidate {
  /** Access answers that, left false, make jorje report org features as missing. */
  private static final Set<String> GRANTED =
      Set.of(
          "isRunningTests",
          "doesStaticResourceExist",
          "hasApexParameterizedTypes",
          "isAccessibleSystemNamespace");

  public static void main(String[] args) throws Exception {
    List<SourceFile> sources = new ArrayList<>();
    for (String file : args) {
      String body = Files.readString(Path.of(file), StandardCharsets.UTF_8);
      sources.add(SourceFile.builder().setBody(body).setKnownName(file).build());
    }
    CompilationInput input =
        new CompilationInput(
            sources,
            stub(SymbolProvider.class),
            stub(AccessEvaluator.class),
            stub(QueryValidator.class),
            null,
            NoopCompilerProgressCallback.get());
    List<CodeUnit> units =
        ApexCompiler.builder().setInput(input).build().compile(CompilerStage.VALIDATE);
    for (CodeUnit unit : units) {
      for (CompilationException error : unit.getErrors().get()) {
        Location at = error.getLoc();
        String line = at == null ? "0" : String.valueOf(at.getLine());
        String column = at == null ? "0" : String.valueOf(at.getColumn());
        String kind = error instanceof ParseException ? "syntax" : "semantic";
        String message = String.valueOf(error.getError()).replaceAll("\\s+", " ");
        System.out.println(
            String.join("\t", unit.getSourceFile().getKnownName(), line, column, kind, message));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T stub(Class<T> type) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, arguments) -> {
              Class<?> returns = method.getReturnType();
              if (returns == boolean.class) return GRANTED.contains(method.getName());
              if (returns == List.class) return List.of();
              return null;
            });
  }
}
