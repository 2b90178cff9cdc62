using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.NamedValues;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Tests.Reading;

/// <summary>Test helpers: read inline policy text and locate markers in it.</summary>
internal static class TestPolicy
{
    public const string File = "policy.xml";

    public static ReadResult Read(string xml, NamedValueSet? namedValues = null) => new PolicyReader().Read(xml, File, namedValues);

    /// <summary>Reads text that must produce a document without diagnostics.</summary>
    public static PolicyDocument ReadClean(string xml, NamedValueSet? namedValues = null)
    {
        var result = Read(xml, namedValues);
        Assert.Empty(result.Diagnostics);
        return Assert.IsType<PolicyDocument>(result.Document);
    }

    /// <summary>The 1-based line and column of the <paramref name="occurrence"/>-th occurrence of <paramref name="marker"/>.</summary>
    public static SourceLocation Locate(string xml, string marker, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = xml.IndexOf(marker, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"marker '{marker}' not found");
        }

        var line = 1 + xml[..index].Count(c => c == '\n');
        var lineStart = index == 0 ? 0 : xml.LastIndexOf('\n', index - 1) + 1;
        return new SourceLocation(File, line, index - lineStart + 1);
    }

    public static Diagnostic Single(ReadResult result, DiagnosticDescriptor expected)
    {
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(expected.Code, diagnostic.Code);
        return diagnostic;
    }

    public static PolicyElement Element(PolicyDocument document, params string[] path)
    {
        var element = document.Root;
        foreach (var name in path)
        {
            element = Assert.Single(element.ElementsNamed(name));
        }

        return element;
    }
}
