/**
 * Stop-word profiles for languages written in Latin script: a few dozen of each language's most
 * frequent function words (our own short lists, lower case, accents kept). Elisions are listed
 * with their apostrophe (`l'`, `d'`): a word like `l'homme` also counts its prefix.
 */
export const PROFILES: Record<string, string> = {
  en: `the and of to a in is was that it he she his her with for you i had on as at but not they be have this from
       were said what would there been them him my me we could into your out up then when did`,
  es: `el la los las de que y en un una es no se por con para su lo pero como más yo ella él le estaba muy qué
       cuando porque también del al sus fue era había me mi te tu nos ya sin sobre esta este`,
  fr: `le la les de des et un une est que qui dans pour pas ne il elle je vous nous sur avec au du ce se son sa
       mais était avait très plus tout comme lui aux ses cette y en on l' d' qu' n' c' j' s' m'`,
  de: `der die das und ist nicht ein eine zu den dem mit sich auf für er sie es ich du war hatte aber auch noch
       nur wie wenn dass im von des wir ihr schon einen mir mich ihn ihm sein seine nach`,
  it: `il lo la gli le di che è un una per non con si mi ti ma come più anche era aveva sono questo quella del
       della nel alla lui lei perché ancora cosa ha ho suo sua dei delle l' un' all' dell' c'`,
  pt: `o a os as de do da dos das que e não um uma em no na com para por se mas ele ela você eu foi era estava
       muito também mais isso ao seu sua quando então já nos pelo pela tinha`,
  nl: `de het een en van is dat niet ik je hij zij ze we met op voor aan er maar om was had als ook dan nog wel
       naar bij uit zijn haar wat geen dit werd hem`,
  sv: `och det att i en ett som är på för med har jag du han hon inte var till av den de om men så vi från hade
       kan mig sig ska efter nu honom henne`,
  da: `og det at i en et som er på for med har jeg du han hun ikke var til af den de om men så vi fra havde kan
       mig sig skal efter nu ham hende`,
  pl: `i w na z się nie to że do jest jak co ale o tak za od po jego jej był była już go mu mnie ja ty on ona czy
       tylko przez może gdy bardzo`,
  tr: `ve bir bu da de ne için ile çok ama gibi daha o ben sen onu ona değil var yok mi mı ki şey kadar sonra her
       olarak diye bana sana`,
  id: `yang dan di itu ini dengan untuk tidak dari dalam akan ke ada saya aku kamu dia mereka kami juga sudah
       bisa tapi atau karena seperti pada lebih hanya apa`,
  fi: `ja on ei se että hän oli mutta kun niin myös minä sinä me he tämä joka ovat olen ole mitä vain jo nyt
       sitten kuin hänen sen`,
};
