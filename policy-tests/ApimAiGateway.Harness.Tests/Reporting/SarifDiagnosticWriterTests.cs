using System.Text.Json;
using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Reporting;

namespace ApimAiGateway.Harness.Tests.Reporting;

public sealed class SarifDiagnosticWriterTests
{
    [Fact]
    public void Locations_are_relative_to_the_repository_root_under_SRCROOT_so_code_scanning_can_place_them()
    {
        var root = Path.Combine(Path.GetTempPath(), "repo");
        var diagnostic = new Diagnostic("APIM0001", DiagnosticSeverity.Error, "Usage of type 'X' is not supported within expressions",
            new SourceLocation(Path.Combine(root, "policies", "apis", "chat api", "api.xml"), 7, 12));
        var text = new StringWriter();

        new SarifDiagnosticWriter(root).Write(text, [diagnostic]);

        var run = JsonDocument.Parse(text.ToString()).RootElement.GetProperty("runs")[0];
        var artifact = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal("policies/apis/chat%20api/api.xml", artifact.GetProperty("uri").GetString());
        Assert.Equal("SRCROOT", artifact.GetProperty("uriBaseId").GetString());
        Assert.StartsWith("file:///", run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString());
        Assert.Equal("Type not allowed in expressions", run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[0].GetProperty("shortDescription").GetProperty("text").GetString());
    }

    [Fact]
    public void Compiler_errors_link_to_their_documentation()
    {
        var diagnostic = new Diagnostic("CS1061", DiagnosticSeverity.Error, "m", new SourceLocation("a.xml", 1, 1));
        var text = new StringWriter();

        new SarifDiagnosticWriter(Path.GetTempPath()).Write(text, [diagnostic]);

        var rule = JsonDocument.Parse(text.ToString()).RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")[0];
        Assert.Equal("https://learn.microsoft.com/dotnet/csharp/misc/cs1061", rule.GetProperty("helpUri").GetString());
        Assert.Equal("error", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
    }
}
