using System.Text.RegularExpressions;

namespace ApimAiGateway.Harness.Gateway;

/// <summary>Matches a request path below an API's path against an operation's URL template and reads its parameters.</summary>
internal sealed partial class OperationMatcher
{
    private readonly Regex _pattern;

    public OperationMatcher(OperationDefinition operation)
    {
        Operation = operation;
        var path = operation.UrlTemplate.Split('?')[0].TrimEnd('/');
        var pattern = TemplateParameter().Replace(Regex.Escape(path).Replace("\\{", "{", StringComparison.Ordinal), match =>
            $"(?<{GroupName(match.Groups[1].Value)}>[^/]+)");
        _pattern = new Regex("^" + pattern + "/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        ParameterNames = TemplateParameter().Matches(path).Select(m => m.Groups[1].Value).ToArray();
    }

    public OperationDefinition Operation { get; }

    public IReadOnlyList<string> ParameterNames { get; }

    public bool TryMatch(string method, string path, out IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        parameters = [];
        if (Operation.Method != "*" && !string.Equals(Operation.Method, method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var match = _pattern.Match(path.TrimEnd('/'));
        if (!match.Success)
        {
            return false;
        }

        parameters = ParameterNames.Select(n => KeyValuePair.Create(n, Uri.UnescapeDataString(match.Groups[GroupName(n)].Value))).ToArray();
        return true;
    }

    /// <summary>Template names may hold '-', which a regex group name cannot.</summary>
    private static string GroupName(string parameter) => "p" + Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(parameter));

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex TemplateParameter();
}
