using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Tests.Reading;

public class ExpressionScannerTests
{
    [Theory]
    [InlineData("@(x + 1)", ExpressionKind.SingleStatement)]
    [InlineData("@{ return 1; }", ExpressionKind.MultiStatement)]
    [InlineData("@(f(a, (b)) [0])", ExpressionKind.SingleStatement)]
    [InlineData("@{ if (a) { return \"}\"; } return \"{\"; }", ExpressionKind.MultiStatement)]
    [InlineData("@(a == \"x\" && b < 3)", ExpressionKind.SingleStatement)]
    [InlineData("@(\")\" + \"\\\")\")", ExpressionKind.SingleStatement)]
    [InlineData("@(')' + '\\'' + '(')", ExpressionKind.SingleStatement)]
    [InlineData("@(@\"c:\\dir\"\")\" + @\")\")", ExpressionKind.SingleStatement)]
    [InlineData("@($\"{(a)}){{\" + $\"{ $\"{x}\" }\")", ExpressionKind.SingleStatement)]
    [InlineData("@($\"{d[\"k\"]}\")", ExpressionKind.SingleStatement)]
    [InlineData("@($@\"\"\"{x}\"\"\" + @$\"{ y }\")", ExpressionKind.SingleStatement)]
    [InlineData("@{ // ) }\n return 1; }", ExpressionKind.MultiStatement)]
    [InlineData("@(a /* ) \" */ + b)", ExpressionKind.SingleStatement)]
    [InlineData("@{ var o = new { A = 1 }; return o.A; }", ExpressionKind.MultiStatement)]
    public void Finds_the_balanced_end(string expression, ExpressionKind kind)
    {
        var text = expression + " trailing)}";

        var scan = ExpressionScanner.Scan(text, 0);

        Assert.True(scan.Succeeded, scan.Error.ToString());
        Assert.Equal(kind, scan.Kind);
        Assert.Equal(expression.Length, scan.End);
    }

    [Fact]
    public void Starts_at_the_given_offset()
    {
        const string text = "name=\"@(x)\"";

        var scan = ExpressionScanner.Scan(text, 6);

        Assert.Equal(10, scan.End);
    }

    [Theory]
    [InlineData("@(a + (b)", ExpressionScanError.UnclosedExpression, 0)]
    [InlineData("@{ return 1;", ExpressionScanError.UnclosedExpression, 0)]
    [InlineData("@(\"abc)", ExpressionScanError.UnterminatedString, 2)]
    [InlineData("@(a + \"abc\n\")", ExpressionScanError.UnterminatedString, 6)]
    [InlineData("@(@\"abc)", ExpressionScanError.UnterminatedString, 2)]
    [InlineData("@($\"a{b}\n\")", ExpressionScanError.UnterminatedString, 2)]
    [InlineData("@($@\"a{b}", ExpressionScanError.UnterminatedString, 2)]
    [InlineData("@('a)", ExpressionScanError.UnterminatedCharacter, 2)]
    [InlineData("@(a /* b)", ExpressionScanError.UnterminatedComment, 4)]
    [InlineData("@(a[1)]", ExpressionScanError.MismatchedBracket, 5)]
    [InlineData("@(a})", ExpressionScanError.MismatchedBracket, 3)]
    public void Reports_where_the_problem_starts(string text, ExpressionScanError error, int offset)
    {
        var scan = ExpressionScanner.Scan(text, 0);

        Assert.False(scan.Succeeded);
        Assert.Equal(error, scan.Error);
        Assert.Equal(offset, scan.ErrorOffset);
    }

    [Fact]
    public void Deep_nesting_does_not_overflow_the_stack()
    {
        var text = "@(" + new string('(', 100_000) + new string(')', 100_000) + ")";

        var scan = ExpressionScanner.Scan(text, 0);

        Assert.Equal(text.Length, scan.End);
    }

    [Fact]
    public void Entity_mode_reads_escaped_quotes_as_quotes()
    {
        // A ')' inside an escaped string literal must not close the expression.
        const string text = "@(a == &quot;)&quot; &amp;&amp; b &lt; 3)\" rest";

        var scan = ExpressionScanner.Scan(text, 0, decodeEntities: true);

        Assert.Equal(text.IndexOf('"'), scan.End);
    }

    [Theory]
    [InlineData("@(", 0, true)]
    [InlineData("x@{", 1, true)]
    [InlineData("@x", 0, false)]
    [InlineData("@", 0, false)]
    public void Recognises_expression_starts(string text, int index, bool expected) =>
        Assert.Equal(expected, ExpressionScanner.IsExpressionStart(text, index));
}
