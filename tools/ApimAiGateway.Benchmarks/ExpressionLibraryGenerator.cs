using System.Globalization;
using System.Text;

namespace ApimAiGateway.Benchmarks;

/// <summary>
/// Writes a policy library of N distinct expressions in the repository layout: one API per file, twenty expressions
/// each, in the shapes real gateways use (conditions, header values, JSON and string work, multi-statement blocks).
/// </summary>
internal static class ExpressionLibraryGenerator
{
    public const int ExpressionsPerFile = 20;

    public static IReadOnlyList<string> Expressions(int count) =>
        Enumerable.Range(0, count).Select(Expression).ToList();

    public static void Write(string root, int count)
    {
        var expressions = Expressions(count);
        for (var file = 0; file * ExpressionsPerFile < count; file++)
        {
            var body = new StringBuilder("<policies>\n<inbound>\n<base />\n");
            foreach (var (expression, index) in expressions.Skip(file * ExpressionsPerFile).Take(ExpressionsPerFile).Select((e, i) => (e, file * ExpressionsPerFile + i)))
            {
                body.Append(index % 5 == 0
                    ? $"<choose><when condition=\"@({expression} != null)\"><set-header name=\"x-{index}\" exists-action=\"override\"><value>on</value></set-header></when></choose>\n"
                    : $"<set-variable name=\"v{index}\" value=\"{(index % 5 == 4 ? "@{" + expression + "}" : "@(" + expression + ")")}\" />\n");
            }

            body.Append("</inbound>\n<backend><base /></backend>\n<outbound><base /></outbound>\n<on-error><base /></on-error>\n</policies>\n");
            var directory = Path.Combine(root, "policies", "apis", "api-" + file.ToString("D3", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "api.xml"), body.ToString());
        }

        File.WriteAllText(Path.Combine(root, "policies", "global.xml"), "<policies><inbound><set-variable name=\"n\" value=\"@(1)\" /></inbound><backend><forward-request /></backend><outbound /><on-error /></policies>\n");
    }

    /// <summary>Expression i; every fifth one is a statement block (its text goes inside @{ }).</summary>
    private static string Expression(int i) => (i % 5) switch
    {
        0 => $"context.Request.Headers.GetValueOrDefault(&quot;x-h{i}&quot;, &quot;&quot;)",
        1 => $"context.Variables.GetValueOrDefault&lt;int&gt;(&quot;n&quot;, {i}) * 2 + context.Request.Url.Path.Length",
        2 => $"new JObject(new JProperty(&quot;id&quot;, {i}), new JProperty(&quot;at&quot;, DateTime.UtcNow.AddSeconds({i}).ToString(&quot;o&quot;))).ToString(Formatting.None)",
        3 => $"Regex.IsMatch(context.Request.Url.Path, &quot;^/v{i}/&quot;) ? context.Request.Method.ToLowerInvariant() : string.Join(&quot;,&quot;, new[] {{ &quot;a{i}&quot;, &quot;b&quot; }})",
        _ => $" var sb = new StringBuilder(); for (var k = 0; k &lt; {i % 9}; k++) {{ sb.Append(k); }} return sb.ToString() + &quot;{i}&quot;; ",
    };
}
