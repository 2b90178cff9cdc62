using System.Diagnostics;
using System.Text;
using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Tests.Reading;

/// <summary>Hostile and degenerate input: empty, binary, oversized, deeply nested; plus file I/O.</summary>
public sealed class PolicyReaderLimitsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("reader-tests").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t ")]
    [InlineData("\uFEFF")]
    public void Empty_text_is_reported(string text)
    {
        var result = TestPolicy.Read(text);

        Assert.Null(result.Document);
        Assert.Equal(new SourceLocation(TestPolicy.File, 1, 1), TestPolicy.Single(result, ReaderDiagnostics.EmptyDocument).Location);
    }

    [Fact]
    public void A_nul_character_marks_binary_content()
    {
        var result = TestPolicy.Read("<policies>\n ab\0cd</policies>");

        Assert.Equal(new SourceLocation(TestPolicy.File, 2, 4), TestPolicy.Single(result, ReaderDiagnostics.BinaryContent).Location);
    }

    [Fact]
    public void A_file_with_invalid_utf8_is_reported_with_the_byte_offset()
    {
        var path = Write("bad.xml", [.. "<policies>"u8, 0xC3, 0x28, .. "</policies>"u8]);

        var diagnostic = TestPolicy.Single(new PolicyReader().ReadFile(path), ReaderDiagnostics.InvalidEncoding);

        Assert.Contains("offset 10", diagnostic.Message);
    }

    [Fact]
    public void A_file_with_nul_bytes_is_binary()
    {
        var path = Write("image.png", [0x89, .. "PNG"u8, 0, 0, 0, 0x0D]);

        var result = new PolicyReader().ReadFile(path);

        Assert.Null(result.Document);
        Assert.Contains(result.Diagnostics, d => d.Code is "AGW1003" or "AGW1004");
    }

    [Fact]
    public void A_5_MB_file_is_rejected_without_being_parsed()
    {
        var path = Write("big.xml", Encoding.UTF8.GetBytes("<policies>" + new string(' ', 5 * 1024 * 1024) + "</policies>"));

        var diagnostic = TestPolicy.Single(new PolicyReader().ReadFile(path), ReaderDiagnostics.DocumentTooLarge);

        Assert.Equal(new SourceLocation(path, 1, 1), diagnostic.Location);
    }

    [Fact]
    public void Oversized_text_is_rejected()
    {
        var result = TestPolicy.Read(new string(' ', PolicyReader.MaxDocumentSize + 1));

        TestPolicy.Single(result, ReaderDiagnostics.DocumentTooLarge);
    }

    [Fact]
    public void Ten_thousand_levels_of_nesting_stop_at_the_depth_limit()
    {
        var xml = "<policies>" + string.Concat(Enumerable.Repeat("<a>", 10_000)) + string.Concat(Enumerable.Repeat("</a>", 10_000)) + "</policies>";

        var result = TestPolicy.Read(xml);

        var diagnostic = TestPolicy.Single(result, ReaderDiagnostics.NestingTooDeep);
        Assert.Equal(new SourceLocation(TestPolicy.File, 1, 11 + (3 * (PolicyReader.MaxNestingDepth - 1))), diagnostic.Location);
        Assert.Null(result.Document);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read()
    {
        var depth = PolicyReader.MaxNestingDepth - 1;
        var xml = "<policies>" + string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth)) + "</policies>";

        Assert.NotNull(TestPolicy.ReadClean(xml));
    }

    [Fact]
    public void A_1_MB_policy_reads_quickly()
    {
        var statement = """<set-header name="x-h" exists-action="override"><value>@(context.Request.Headers.GetValueOrDefault("a", "") + "<b>" && c)</value></set-header>""";
        var builder = new StringBuilder("<policies><inbound>\n");
        while (builder.Length < 1024 * 1024)
        {
            builder.Append(statement).Append('\n');
        }

        var xml = builder.Append("</inbound></policies>").ToString();

        var stopwatch = Stopwatch.StartNew();
        var document = TestPolicy.ReadClean(xml);
        stopwatch.Stop();

        Assert.True(document.Root.Elements.Single().Elements.Count() > 5000);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void A_huge_attribute_value_is_read()
    {
        var value = new string('x', 3 * 1024 * 1024);

        var document = TestPolicy.ReadClean($"<fragment><a b=\"@(\"{value}\")\" /></fragment>");

        Assert.Equal(value.Length + 2, document.Root.Elements.Single().Attribute("b")!.Value.Expression!.Code.Length);
    }

    [Fact]
    public void A_missing_file_is_a_diagnostic()
    {
        var path = Path.Combine(_directory, "missing.xml");

        var diagnostic = TestPolicy.Single(new PolicyReader().ReadFile(path), ReaderDiagnostics.FileUnreadable);

        Assert.Equal(path, diagnostic.Location.File);
    }

    [Fact]
    public void Files_are_read_as_utf8_or_utf16_with_a_byte_order_mark()
    {
        const string xml = "<fragment><a b=\"é\" /></fragment>";
        var utf8 = Write("utf8.xml", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(xml)]);
        var utf16 = Write("utf16.xml", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(xml)]);

        foreach (var path in new[] { utf8, utf16 })
        {
            var result = new PolicyReader().ReadFile(path);
            Assert.Empty(result.Diagnostics);
            Assert.Equal("é", result.Document!.Root.Elements.Single().Attribute("b")!.Value.Text.Text);
            Assert.Equal(new SourceLocation(path, 1, 1), result.Document.Root.Location);
        }
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
