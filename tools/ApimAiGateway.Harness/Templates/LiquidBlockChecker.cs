using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// Checks that block tags open and close in order, that branch tags (else, elsif, when) sit in a block that
/// takes them, and that every tag is known. Returns the tokens whose own markup still needs checking: outputs
/// and opening or single tags, but nothing inside <c>raw</c> or <c>comment</c>.
/// </summary>
internal sealed class LiquidBlockChecker(LocatedText template, List<Diagnostic> diagnostics)
{
    private static readonly Dictionary<string, string[]> BranchParents = new(StringComparer.Ordinal)
    {
        ["else"] = ["if", "unless", "for", "case", "JSONArrayFor"],
        ["elsif"] = ["if", "unless"],
        ["when"] = ["case"],
    };

    private readonly Stack<(string Name, LiquidToken Token)> _open = new();

    public List<LiquidToken> Check(IReadOnlyList<LiquidToken> tokens)
    {
        var toCheck = new List<LiquidToken>();
        foreach (var token in tokens)
        {
            if (_open.TryPeek(out var top) && LiquidTags.Raw.Contains(top.Name))
            {
                CloseRawBlock(token, top.Name);
            }
            else if (token.Kind == LiquidTokenKind.Output)
            {
                toCheck.Add(token);
            }
            else if (CheckTag(token))
            {
                toCheck.Add(token);
            }
        }

        foreach (var (name, token) in _open)
        {
            diagnostics.Add(TemplateDiagnostics.UnclosedBlock.At(template.LocationAt(token.Start), name));
        }

        return toCheck;
    }

    private void CloseRawBlock(LiquidToken token, string rawName)
    {
        if (token.Kind == LiquidTokenKind.Tag && token.TagName == "end" + rawName)
        {
            _open.Pop();
        }
    }

    /// <summary>True when the tag's own markup should be parsed.</summary>
    private bool CheckTag(LiquidToken token)
    {
        var name = token.TagName;
        var location = template.LocationAt(token.Start);
        if (BranchParents.TryGetValue(name, out var parents))
        {
            if (!_open.TryPeek(out var top) || !parents.Contains(top.Name))
            {
                diagnostics.Add(TemplateDiagnostics.MisplacedTag.At(location, name, "it belongs inside " + string.Join(", ", parents)));
            }

            return false;
        }

        if (LiquidTags.Blocks.Contains(name))
        {
            _open.Push((name, token));
            return true;
        }

        if (LiquidTags.IsKnown(name))
        {
            return true;
        }

        if (name.StartsWith("end", StringComparison.Ordinal) && LiquidTags.Blocks.Contains(name[3..]))
        {
            Close(name, name[3..], location);
            return false;
        }

        diagnostics.Add(name.Length == 0
            ? TemplateDiagnostics.SyntaxError.At(location, "a tag must start with its name")
            : TemplateDiagnostics.UnknownTag.At(location, name));
        return false;
    }

    private void Close(string endTag, string blockName, SourceLocation location)
    {
        if (_open.TryPeek(out var top) && top.Name == blockName)
        {
            _open.Pop();
            return;
        }

        if (!_open.Any(open => open.Name == blockName))
        {
            diagnostics.Add(TemplateDiagnostics.MisplacedTag.At(location, endTag, $"no '{blockName}' block is open"));
            return;
        }

        // Blocks opened inside the one being closed were never closed themselves.
        while (_open.Peek().Name != blockName)
        {
            var (name, token) = _open.Pop();
            diagnostics.Add(TemplateDiagnostics.UnclosedBlock.At(template.LocationAt(token.Start), name));
        }

        _open.Pop();
    }
}
