/// Short invented news articles in several languages, for the language tests.
public enum LanguageFixtures {
    /// Language code and article text.
    public static let articles: [(code: String, text: String)] = [
        (
            "de",
            """
            Die Stadtverwaltung hat am Montag einen neuen Plan für den Ausbau der Radwege vorgestellt. \
            Nach Angaben der Bürgermeisterin sollen bis zum Jahr 2030 mehr als vierzig Kilometer neue Wege entstehen. \
            Die Kosten werden auf rund zwölf Millionen Euro geschätzt, und ein Teil davon wird vom Land übernommen. \
            Kritiker sagen, dass der Plan nicht weit genug gehe und die Autofahrer zu wenig beachte.
            """
        ),
        (
            "fr",
            """
            Le conseil municipal a présenté lundi un nouveau plan pour les pistes cyclables de la ville. \
            Selon la maire, plus de quarante kilomètres de nouvelles voies seront construits dans les cinq prochaines années. \
            Le coût est estimé à douze millions d'euros, dont une partie sera prise en charge par la région. \
            Les critiques affirment que le projet ne va pas assez loin et qu'il oublie les habitants des quartiers du nord.
            """
        ),
        (
            "es",
            """
            El ayuntamiento presentó el lunes un nuevo plan para ampliar los carriles para bicicletas de la ciudad. \
            Según la alcaldesa, se construirán más de cuarenta kilómetros de nuevas vías en los próximos cinco años. \
            El coste se estima en doce millones de euros, y una parte será financiada por el gobierno regional. \
            Los críticos dicen que el proyecto no es suficiente y que olvida a los vecinos de los barrios del norte.
            """
        ),
        (
            "ru",
            """
            Городская администрация в понедельник представила новый план строительства велосипедных дорожек. \
            По словам мэра, в ближайшие пять лет в городе появится более сорока километров новых дорожек. \
            Стоимость проекта оценивается в двенадцать миллионов евро, часть расходов возьмёт на себя область. \
            Критики считают, что план недостаточно амбициозен и не учитывает интересы жителей северных районов.
            """
        ),
        (
            "zh",
            """
            市政府周一公布了一项扩建城市自行车道的新计划。市长表示，未来五年内将新建四十多公里的自行车道。\
            该项目预计耗资一千二百万欧元，其中一部分由省政府承担。批评者认为，这项计划力度不够，忽视了北部居民的需求。
            """
        ),
    ]

    /// An English article on the same subject.
    public static let english = """
        The city council on Monday presented a new plan to extend the cycle lanes of the city. \
        According to the mayor, more than forty kilometres of new lanes will be built in the next five years. \
        The cost is estimated at twelve million euros, and part of it will be paid by the regional government. \
        Critics say that the plan does not go far enough and that it ignores the residents of the northern districts.
        """
}
