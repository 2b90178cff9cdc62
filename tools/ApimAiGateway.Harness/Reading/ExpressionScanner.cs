namespace ApimAiGateway.Harness.Reading;

/// <summary>
/// Finds where a policy expression (<c>@(...)</c> or <c>@{...}</c>) ends, with enough C# awareness that brackets
/// and quotes inside string and character literals, verbatim and interpolated strings and comments do not count.
/// This is what lets the reader accept the raw policy form, where expressions hold unescaped '"', '&lt;' and '&amp;'.
/// </summary>
/// <remarks>
/// Nesting is tracked on an explicit stack, so hostile input (deep brackets, nested interpolations) cannot overflow
/// the call stack, and every character is visited once.
/// </remarks>
public static class ExpressionScanner
{
    private enum FrameKind
    {
        Code,
        InterpolatedString,
        VerbatimInterpolatedString,
    }

    private readonly record struct Frame(FrameKind Kind, char Close, int Open);

    /// <summary>Whether an expression starts at <paramref name="index"/>: '@' followed by '(' or '{'.</summary>
    public static bool IsExpressionStart(string text, int index) =>
        index >= 0 && index + 1 < text.Length && text[index] == '@' && text[index + 1] is '(' or '{';

    /// <summary>Scans the expression whose '@' is at <paramref name="start"/> (see <see cref="IsExpressionStart"/>).</summary>
    public static ExpressionScan Scan(string text, int start) => Scan(text, start, decodeEntities: false);

    /// <param name="decodeEntities">
    /// Read XML entity references as the characters they stand for, so the escaped form (<c>&amp;quot;</c>) is
    /// scanned like the raw form; used while the markup around the expression is still undecoded.
    /// </param>
    internal static ExpressionScan Scan(string text, int start, bool decodeEntities)
    {
        if (!IsExpressionStart(text, start))
        {
            throw new ArgumentException("No policy expression starts at this offset.", nameof(start));
        }

        var reader = new EntityAwareReader(text, decodeEntities);
        var kind = text[start + 1] == '(' ? ExpressionKind.SingleStatement : ExpressionKind.MultiStatement;
        var stack = new Stack<Frame>();
        stack.Push(new Frame(FrameKind.Code, kind == ExpressionKind.SingleStatement ? ')' : '}', start + 1));
        var i = start + 2;
        while (stack.Count > 0)
        {
            if (i >= text.Length)
            {
                var open = stack.Peek();
                return open.Kind == FrameKind.Code
                    ? Failure(kind, ExpressionScanError.UnclosedExpression, start)
                    : Failure(kind, ExpressionScanError.UnterminatedString, open.Open);
            }

            var frame = stack.Peek();
            var error = frame.Kind == FrameKind.Code
                ? StepInCode(reader, stack, ref i)
                : StepInInterpolatedString(reader, stack, frame, ref i);
            if (error is { } failure)
            {
                return Failure(kind, failure.Error, failure.Offset);
            }
        }

        return new ExpressionScan(kind, i, ExpressionScanError.None, -1);
    }

    private static (ExpressionScanError Error, int Offset)? StepInCode(EntityAwareReader reader, Stack<Frame> stack, ref int i)
    {
        var c = reader.At(i, out var width);
        var next = reader.After(i, width, out var nextWidth);
        switch (c)
        {
            case '"':
                return SkipQuoted(reader, ref i, '"', ExpressionScanError.UnterminatedString);
            case '\'':
                return SkipQuoted(reader, ref i, '\'', ExpressionScanError.UnterminatedCharacter);
            case '@' when next == '"':
                return SkipVerbatimString(reader, ref i, i + width);
            case '@' or '$' when next is '$' or '@' && c != next && reader.After(i + width, nextWidth, out var quoteWidth) == '"':
                stack.Push(new Frame(FrameKind.VerbatimInterpolatedString, '"', i));
                i += width + nextWidth + quoteWidth;
                return null;
            case '$' when next == '"':
                stack.Push(new Frame(FrameKind.InterpolatedString, '"', i));
                i += width + nextWidth;
                return null;
            case '/' when next == '/':
                while (i < reader.Length && reader.At(i, out width) is not ('\n' or '\r'))
                {
                    i += width;
                }

                return null;
            case '/' when next == '*':
                return SkipBlockComment(reader, ref i);
            case '(':
                stack.Push(new Frame(FrameKind.Code, ')', i));
                break;
            case '[':
                stack.Push(new Frame(FrameKind.Code, ']', i));
                break;
            case '{':
                stack.Push(new Frame(FrameKind.Code, '}', i));
                break;
            case ')' or ']' or '}':
                if (stack.Peek().Close != c)
                {
                    return (ExpressionScanError.MismatchedBracket, i);
                }

                stack.Pop();
                break;
        }

        i += width;
        return null;
    }

    private static (ExpressionScanError Error, int Offset)? StepInInterpolatedString(
        EntityAwareReader reader, Stack<Frame> stack, Frame frame, ref int i)
    {
        var verbatim = frame.Kind == FrameKind.VerbatimInterpolatedString;
        var c = reader.At(i, out var width);
        var next = reader.After(i, width, out var nextWidth);
        switch (c)
        {
            case '{' when next == '{':
            case '}' when next == '}':
            case '"' when verbatim && next == '"':
            case '\\' when !verbatim && i + width < reader.Length:
                i += width + nextWidth;
                return null;
            case '{':
                stack.Push(new Frame(FrameKind.Code, '}', i));
                break;
            case '"':
                stack.Pop();
                break;
            case '\n' or '\r' when !verbatim:
                return (ExpressionScanError.UnterminatedString, frame.Open);
        }

        i += width;
        return null;
    }

    // Regular string or character literal: backslash escapes, and a line break ends it unterminated.
    private static (ExpressionScanError Error, int Offset)? SkipQuoted(EntityAwareReader reader, ref int i, char quote, ExpressionScanError unterminated)
    {
        var open = i;
        reader.At(i, out var width);
        i += width;
        while (i < reader.Length)
        {
            var c = reader.At(i, out width);
            if (c is '\n' or '\r')
            {
                break;
            }

            i += width;
            if (c == quote)
            {
                return null;
            }

            if (c == '\\' && i < reader.Length)
            {
                reader.At(i, out width);
                i += width;
            }
        }

        return (unterminated, open);
    }

    private static (ExpressionScanError Error, int Offset)? SkipVerbatimString(EntityAwareReader reader, ref int i, int quote)
    {
        var open = i;
        reader.At(quote, out var width);
        i = quote + width;
        while (i < reader.Length)
        {
            var c = reader.At(i, out width);
            i += width;
            if (c == '"')
            {
                if (i < reader.Length && reader.At(i, out width) == '"')
                {
                    i += width;
                    continue;
                }

                return null;
            }
        }

        return (ExpressionScanError.UnterminatedString, open);
    }

    private static (ExpressionScanError Error, int Offset)? SkipBlockComment(EntityAwareReader reader, ref int i)
    {
        var open = i;
        i += 2;
        while (i < reader.Length)
        {
            var c = reader.At(i, out var width);
            i += width;
            if (c == '*' && i < reader.Length && reader.At(i, out width) == '/')
            {
                i += width;
                return null;
            }
        }

        return (ExpressionScanError.UnterminatedComment, open);
    }

    private static ExpressionScan Failure(ExpressionKind kind, ExpressionScanError error, int offset) =>
        new(kind, -1, error, offset);

    /// <summary>Reads one logical character, which is a whole entity reference when entities are being decoded.</summary>
    private readonly struct EntityAwareReader(string text, bool decodeEntities)
    {
        public int Length => text.Length;

        public char At(int index, out int width)
        {
            width = 1;
            if (decodeEntities && text[index] == '&'
                && XmlEntities.Match(text, index, out var decoded, out var entityWidth) == XmlEntityMatch.Decoded)
            {
                width = entityWidth;
                return decoded[0];
            }

            return text[index];
        }

        /// <summary>The character after the one at <paramref name="index"/>, or '\0' at the end of the text.</summary>
        public char After(int index, int width, out int nextWidth)
        {
            nextWidth = 0;
            return index + width < text.Length ? At(index + width, out nextWidth) : '\0';
        }
    }
}
