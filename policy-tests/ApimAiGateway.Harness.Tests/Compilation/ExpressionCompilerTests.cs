using ApimAiGateway.Harness.Compilation;
using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Tests.Compilation.TestApi;
using static ApimAiGateway.Harness.Tests.Compilation.CompilerTestSupport;

namespace ApimAiGateway.Harness.Tests.Compilation;

public sealed class ExpressionCompilerTests
{
    [Fact]
    public void All_expressions_of_a_run_compile_into_one_assembly_and_evaluate_in_order()
    {
        var compilation = Compile(
            Source("context.Name.ToUpper()"),
            Block(" var n = (int)context.Variables[\"n\"]; return n * 2; "),
            Source("context.Variables.ContainsKey(\"n\")", resultType: ExpressionResultType.Boolean));

        var context = new TestContext("api", new() { ["n"] = 21 });
        Assert.Equal("API", Evaluate(compilation, 0, context));
        Assert.Equal(42, Evaluate(compilation, 1, context));
        Assert.Equal(true, Evaluate(compilation, 2, context));
        Assert.Equal(3, compilation.Expressions!.Count);
    }

    [Fact]
    public void Apim_implicit_namespaces_are_imported()
    {
        // Taken from the shapes of the docs' examples: Regex, Encoding, Convert, JObject, JsonConvert, XElement,
        // SHA256 and LINQ are all used unqualified (apim-reference §1.1).
        var compilation = Compile(
            Source("Regex.IsMatch(\"abc\", \"^a\")"),
            Source("Convert.ToBase64String(Encoding.UTF8.GetBytes(\"x\"))"),
            Source("new JObject(new JProperty(\"a\", 1)).ToString(Formatting.None)"),
            Source("JsonConvert.SerializeObject(new[] { 1, 2 })"),
            Source("new XElement(\"a\", \"b\").ToString()"),
            Source("Convert.ToBase64String(SHA256.Create().ComputeHash(Encoding.UTF8.GetBytes(\"x\")))"),
            Source("new List<int> { 3, 1, 2 }.OrderBy(i => i).First()"));

        Assert.Equal(true, Evaluate(compilation, 0));
        Assert.Equal("eA==", Evaluate(compilation, 1));
        Assert.Equal("{\"a\":1}", Evaluate(compilation, 2));
        Assert.Equal("[1,2]", Evaluate(compilation, 3));
        Assert.Equal("<a>b</a>", Evaluate(compilation, 4));
        Assert.Equal("LQKn+K/CgaFcW4ZtNzSV4hsI9r85VfIu3hqN/lSeUSY=".Length, ((string)Evaluate(compilation, 5)!).Length);
        Assert.Equal(1, Evaluate(compilation, 6));
    }

    [Fact]
    public void Csharp_7_constructs_the_docs_use_are_accepted()
    {
        var compilation = Compile(
            Source("$\"{context.Name}-{1 + 1}\""),
            Source("context.Variables.TryGetValue(\"x\", out var x) ? x : \"none\""),
            Source("context.Name?.Length ?? 0"),
            Block(" var (a, b) = (1, 2); return a + b; ".Replace("var (a, b) = (1, 2);", "int a = 1, b = 2;")));

        Assert.Equal("test-2", Evaluate(compilation, 0));
        Assert.Equal("none", Evaluate(compilation, 1));
        Assert.Equal(4, Evaluate(compilation, 2));
        Assert.Equal(3, Evaluate(compilation, 3));
    }

    [Fact]
    public void A_language_feature_newer_than_csharp_7_3_is_rejected()
    {
        // APIM documents C# 7 for expressions; switch expressions are C# 8.
        var compilation = Compile(Source("context.Name switch { \"a\" => 1, _ => 2 }", line: 4, column: 30));

        Assert.False(compilation.Succeeded);
        var diagnostic = compilation.Diagnostics[0];

        Assert.StartsWith("CS", diagnostic.Code);
        Assert.Contains("8.0", diagnostic.Message);
        Assert.Equal(4, diagnostic.Location.Line);
    }

    [Fact]
    public void A_condition_that_is_not_boolean_fails_like_apim_does_at_save_time()
    {
        var diagnostic = Single(Compile(Source("context.Name", resultType: ExpressionResultType.Boolean, line: 3, column: 17)));

        Assert.Equal("CS0029", diagnostic.Code);
        Assert.Equal(new SourceLocation("policy.xml", 3, 17), diagnostic.Location);
    }

    [Fact]
    public void A_compiler_error_deep_inside_a_multi_line_block_points_at_the_faulty_token()
    {
        const string code = "\n    var a = 1;\n    var b = context.Nmae;\n    return a;\n";
        var diagnostic = Single(Compile(Block(code, line: 10, column: 22)));

        Assert.Equal("CS1061", diagnostic.Code);
        Assert.Contains("Nmae", diagnostic.Message);
        // Line 10 holds "@{", the code's second line is line 12 of the file; "Nmae" starts at column 21 there.
        Assert.Equal(new SourceLocation("policy.xml", 12, 21), diagnostic.Location);
    }

    [Fact]
    public void A_block_without_return_on_every_path_is_reported_at_the_expression_without_generated_names()
    {
        var diagnostic = Single(Compile(Block(" if (context.Name == \"a\") { return 1; } ", line: 2, column: 8)));

        Assert.Equal("CS0161", diagnostic.Code);
        Assert.DoesNotContain("CompiledExpressions", diagnostic.Message);
        Assert.Contains("the expression", diagnostic.Message);
        Assert.Equal(2, diagnostic.Location.Line);
    }

    [Fact]
    public void Errors_in_several_expressions_are_each_mapped_to_their_own_file()
    {
        var compilation = Compile(
            Source("1 +", file: "a.xml", line: 5, column: 9),
            Source("\"fine\"", file: "b.xml"),
            Source("undefinedName", file: "c.xml", line: 7, column: 3));

        Assert.False(compilation.Succeeded);
        Assert.Contains(compilation.Diagnostics, d => d.Location.File == "a.xml" && d.Location.Line == 5);
        Assert.Contains(compilation.Diagnostics, d => d is { Code: "CS0103", Location: { File: "c.xml", Line: 7, Column: 3 } });
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Location.File == "b.xml");
    }

    [Fact]
    public void Code_that_closes_its_own_method_is_reported_where_it_stands_and_the_rest_still_compiled()
    {
        var compilation = Compile(
            Block(" return 1; } public static object Injected(object o) { return 2; ", line: 3, column: 9),
            Source("context.Nope", line: 8, column: 2));

        Assert.False(compilation.Succeeded);
        var broken = Assert.Single(compilation.Diagnostics, d => d.Code == "AGW6003");
        Assert.Equal((3, 9), (broken.Location.Line, broken.Location.Column));
        Assert.Contains(compilation.Diagnostics, d => d.Code == "CS1061" && d.Location.Line == 8);
    }

    [Fact]
    public void An_empty_run_compiles_to_an_empty_set()
    {
        var compilation = Compile();

        Assert.True(compilation.Succeeded);
        Assert.Equal(0, compilation.Expressions!.Count);
    }

    [Fact]
    public void Options_are_validated_up_front()
    {
        var error = Assert.Throws<ArgumentException>(() => new ExpressionCompiler(new ExpressionCompilerOptions
        {
            ContextType = typeof(ITestContext),
            ApiNamespaces = [],
        }));

        Assert.Contains("namespace", error.Message);
    }
}
