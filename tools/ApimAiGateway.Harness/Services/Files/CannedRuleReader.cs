using System.Text;
using System.Text.RegularExpressions;
using ApimAiGateway.Harness.Diagnostics;
using Newtonsoft.Json;
using YamlDotNet.RepresentationModel;

namespace ApimAiGateway.Harness.Services.Files;

/// <summary>
/// Reads one entry of a service's <c>responses</c>. A rule with any error is dropped whole: half a rule (say, one
/// whose misspelt <c>times</c> was ignored) would answer calls it was never meant to.
/// </summary>
internal sealed partial class CannedRuleReader(ServicesFileReader owner, YamlNode node)
{
    private static readonly string[] RuleKeys = ["method", "path", "status", "headers", "body", "times", "latencyMs", "fail"];

    private readonly List<string> _responseKeys = [];
    private string? _method;
    private PathPattern _path = PathPattern.Any;
    private int _status = 200;
    private ServiceHeaders _headers = ServiceHeaders.Empty;
    private (string Text, string ContentType)? _body;
    private int? _times;
    private TimeSpan _latency;
    private (string Name, ServiceOutcome Outcome, YamlNode At)? _failure;
    private bool _valid = true;

    public CannedRule? Read(string service)
    {
        if (node is not YamlMappingNode map)
        {
            owner.Report(ServiceDiagnostics.WrongShape, node, $"A response of service '{service}'", "a map");
            return null;
        }

        var known = 0;
        foreach (var (key, value) in owner.Entries(map, $"a response of service '{service}'", RuleKeys))
        {
            known++;
            ReadEntry(key, value);
        }

        if (_failure is { } failure && _responseKeys.Count > 0)
        {
            owner.Report(ServiceDiagnostics.FailureWithResponse, failure.At, failure.Name, _responseKeys[0]);
            return null;
        }

        if (!_valid || known != map.Children.Count)
        {
            return null;
        }

        var outcome = (_failure?.Outcome ?? Response()).After(_latency);
        return new CannedRule(_method, _path, _times, outcome, owner.Locate(node));
    }

    private void ReadEntry(string key, YamlNode value)
    {
        switch (key)
        {
            case "method":
                _method = ReadMethod(value);
                break;
            case "path":
                _path = ReadPath(value) ?? _path;
                break;
            case "status":
                _responseKeys.Add(key);
                _status = Valid(owner.ReadInteger(value, key, 200, 599)) ?? _status;
                break;
            case "headers":
                _responseKeys.Add(key);
                _headers = ReadHeaders(value);
                break;
            case "body":
                _responseKeys.Add(key);
                _body = value is YamlScalarNode scalar
                    ? (scalar.Value ?? "", ServiceResponse.TextContentType)
                    : (YamlJson.From(value).ToString(Formatting.None), ServiceResponse.JsonContentType);
                break;
            case "times":
                _times = Valid(owner.ReadInteger(value, key, 1, int.MaxValue));
                break;
            case "latencyMs":
                _latency = Valid(owner.ReadMilliseconds(value, key)) is { } milliseconds ? TimeSpan.FromMilliseconds(milliseconds) : _latency;
                break;
            default:
                _failure = ReadFailure(value);
                break;
        }
    }

    private string? ReadMethod(YamlNode value)
    {
        var text = (value as YamlScalarNode)?.Value ?? "";
        if (text == "*")
        {
            return null;
        }

        if (MethodToken().IsMatch(text))
        {
            return text.ToUpperInvariant();
        }

        _valid = false;
        owner.Report(ServiceDiagnostics.WrongShape, value, "'method'", "an HTTP method such as GET or POST, or '*' for any");
        return null;
    }

    private PathPattern? ReadPath(YamlNode value)
    {
        var text = (value as YamlScalarNode)?.Value ?? "";
        if (PathPattern.TryParse(text, out var pattern, out var error))
        {
            return pattern;
        }

        _valid = false;
        owner.Report(ServiceDiagnostics.InvalidPathPattern, value, text, error);
        return null;
    }

    private ServiceHeaders ReadHeaders(YamlNode value)
    {
        if (value is not YamlMappingNode map)
        {
            _valid = false;
            owner.Report(ServiceDiagnostics.WrongShape, value, "'headers'", "a map from header name to a value or a list of values");
            return ServiceHeaders.Empty;
        }

        var headers = new List<KeyValuePair<string, string[]>>();
        foreach (var (name, values) in map.Children)
        {
            string[]? read = values switch
            {
                YamlScalarNode scalar => [scalar.Value ?? ""],
                YamlSequenceNode list when list.Children.All(item => item is YamlScalarNode) =>
                    [.. list.Children.Select(item => ((YamlScalarNode)item).Value ?? "")],
                _ => null,
            };
            if (name is not YamlScalarNode { Value: { Length: > 0 } headerName } || read is null)
            {
                _valid = false;
                owner.Report(ServiceDiagnostics.WrongShape, name, "A header", "a name with a value or a list of values");
                continue;
            }

            headers.Add(new(headerName, read));
        }

        return ServiceHeaders.From(headers);
    }

    private (string Name, ServiceOutcome Outcome, YamlNode At)? ReadFailure(YamlNode value)
    {
        switch ((value as YamlScalarNode)?.Value)
        {
            case "connection":
                return ("connection", ServiceOutcome.ConnectionFailure("Simulated connection failure (services file)."), value);
            case "timeout":
                return ("timeout", ServiceOutcome.NoResponse(), value);
            default:
                _valid = false;
                owner.Report(ServiceDiagnostics.WrongShape, value, "'fail'", "'connection' or 'timeout'");
                return null;
        }
    }

    private ServiceResponse Response()
    {
        if (_body is not { } body)
        {
            return new ServiceResponse(_status, _headers);
        }

        var headers = _headers.ContainsKey("Content-Type") ? _headers : _headers.With("Content-Type", body.ContentType);
        return new ServiceResponse(_status, headers, Encoding.UTF8.GetBytes(body.Text));
    }

    private T? Valid<T>(T? value)
        where T : struct
    {
        _valid &= value.HasValue;
        return value;
    }

    // RFC 9110 §5.6.2 token characters.
    [GeneratedRegex(@"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex MethodToken();
}
