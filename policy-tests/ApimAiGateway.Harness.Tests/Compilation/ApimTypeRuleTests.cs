using ApimAiGateway.Harness.Diagnostics;
using static ApimAiGateway.Harness.Tests.Compilation.CompilerTestSupport;

namespace ApimAiGateway.Harness.Tests.Compilation;

/// <summary>
/// APIM's allowed-types rule (learn.microsoft.com "API Management policy expressions", CLR type table; apim-reference
/// §1.5) and its save-time messages APIM0001/0002/0006 (apim-reference §1.6).
/// </summary>
public sealed class ApimTypeRuleTests
{
    [Theory]
    [InlineData("new System.Net.Http.HttpClient()", "System.Net.Http.HttpClient")]
    [InlineData("System.IO.File.ReadAllText(\"/etc/passwd\")", "System.IO.File")]
    [InlineData("System.Globalization.CultureInfo.InvariantCulture.Name", "System.Globalization.CultureInfo")]
    [InlineData("Environment.MachineName", "System.Environment")]
    [InlineData("typeof(string).Assembly.FullName", "System.Type")]
    [InlineData("new InvalidOperationException(\"x\").Message", "System.InvalidOperationException")]
    public void A_type_that_is_not_on_the_list_is_APIM0001(string code, string type)
    {
        var diagnostic = Compile(Source(code, line: 2, column: 40)).Diagnostics.First(d => d.Code == "APIM0001");

        Assert.Equal($"Usage of type '{type}' is not supported within expressions", diagnostic.Message);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(2, diagnostic.Location.Line);
    }

    [Theory]
    [InlineData("System.Xml.Linq.XDocument.Load(\"x.xml\")", "Load", "System.Xml.Linq.XDocument")]
    [InlineData("DateTime.FromBinary(0)", "FromBinary", "System.DateTime")]
    [InlineData("Regex.Escape(\"a\")", "Escape", "System.Text.RegularExpressions.Regex")]
    [InlineData("JsonConvert.PopulateObject(\"{}\", new object())", "PopulateObject", "Newtonsoft.Json.JsonConvert")]
    [InlineData("Regex.Match(\"a\", \"a\").NextMatch()", "NextMatch", "System.Text.RegularExpressions.Match")]
    [InlineData("System.Net.IPAddress.Parse(\"1.2.3.4\").ScopeId", "ScopeId", "System.Net.IPAddress")]
    [InlineData("SymmetricAlgorithm.Create()", "Create", "System.Security.Cryptography.SymmetricAlgorithm")]
    public void A_member_that_is_not_allowed_on_a_listed_type_is_APIM0002(string code, string member, string type)
    {
        var diagnostic = Assert.Single(Compile(Source(code)).Diagnostics, d => d.Code.StartsWith("APIM", StringComparison.Ordinal));

        Assert.Equal("APIM0002", diagnostic.Code);
        Assert.Equal($"Usage of member '{member}' of type '{type}' is not supported within expressions", diagnostic.Message);
    }

    [Fact]
    public void Late_binding_is_APIM0006()
    {
        var compilation = Compile(Block(" dynamic d = context.Name; return d.Length; "));

        Assert.Contains(compilation.Diagnostics, d => d.Code == "APIM0006" && d.Message == "Dynamic member invocation is not supported");
    }

    [Fact]
    public void The_violation_points_at_the_offending_member_inside_a_block()
    {
        const string code = "\n  var s = \"a\";\n  var f = System.IO.File.Exists(s);\n  return f;\n";
        var diagnostic = Assert.Single(Compile(Block(code, line: 20, column: 10)).Diagnostics);

        Assert.Equal("APIM0001", diagnostic.Code);
        // "File" stands at column 21 of the block's third line (file line 22).
        Assert.Equal(new SourceLocation("policy.xml", 22, 21), diagnostic.Location);
    }

    [Theory]
    [InlineData("Regex.Match(\"ab\", \"(?<x>b)\").Groups[\"x\"].Value")]
    [InlineData("DateTime.UtcNow.AddMinutes(5).ToString(\"o\")")]
    [InlineData("new DateTime(2024, 1, 1).Year")]
    [InlineData("DateTime.DaysInMonth(2024, 2)")]
    [InlineData("TimeSpan.FromSeconds(3).TotalMilliseconds")]
    [InlineData("Guid.NewGuid().ToString(\"N\")")]
    [InlineData("JObject.Parse(\"{\\\"a\\\":1}\")[\"a\"].Value<int>()")]
    [InlineData("JsonConvert.DeserializeObject<JObject>(\"{}\").Count")]
    [InlineData("new StringBuilder().Append(1).ToString()")]
    [InlineData("Tuple.Create(1, \"a\").Item2")]
    [InlineData("new Uri(\"https://x/y\").Host")]
    [InlineData("WebUtility.UrlEncode(\"a b\")")]
    [InlineData("new HMACSHA256(new byte[] { 1 }).ComputeHash(new byte[] { 2 }).Length")]
    [InlineData("Math.Max(1, 2) + new Random(1).Next(1)")]
    [InlineData("string.Join(\",\", new HashSet<string> { \"a\" })")]
    [InlineData("new Dictionary<string, List<int>>().TryGetValue(\"a\", out var v)")]
    [InlineData("((object)1).GetType() == null")]
    [InlineData("XDocument.Parse(\"<a/>\").Root.Name.LocalName")]
    [InlineData("Enum.TryParse<StringComparison>(\"Ordinal\", out var c)")]
    [InlineData("(int?)null ?? 3")]
    [InlineData("new { a = 1 }.a")]
    [InlineData("context.Variables.Count")]
    public void Listed_types_members_and_the_expression_api_are_accepted(string code)
    {
        var compilation = Compile(Source(code));

        Assert.True(compilation.Succeeded, string.Join("\n", compilation.Diagnostics));
    }
}
