namespace PolicyExtract.Numbers;
public static class Numeral
{
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        if (text.Length == 0) return false;
        if (decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out value)) return true;
        const string d = "零一二三四五六七八九";
        decimal total = 0, cur = 0;
        foreach (var c in text)
        {
            var i = d.IndexOf(c);
            if (c == '两') i = 2;
            if (i >= 0) { cur = i; continue; }
            if (c == '十') { total += (cur == 0 ? 1 : cur) * 10; cur = 0; continue; }
            if (c == '百') { total += cur * 100; cur = 0; continue; }
            return false;
        }
        value = total + cur; return true;
    }
}
