"""Page texts of the sample files, as professionals write them: Serbian (Cyrillic), Albanian."""

SERBIAN_PAGES = [
    "Процена регулаторног оквира за подршку пре отпуста.\n\nОвај извештај описује надлежности затвора и пробације.",
    "Сарадња са центрима за социјални рад почиње шест месеци пре отпуста осуђеног лица.",
    "Пробациона служба израђује план ресоцијализације заједно са осуђеним лицем.",
    "Запошљавање после отпуста: послодавци добијају субвенцију за запошљавање бивших осуђеника током прве године.",
    "Закључци и препоруке за међуинституционалну сарадњу.",
]
EMPLOYMENT_PAGE = 4  # the page that answers a query about employers' subsidies

ALBANIAN_PAGES = [
    "Vlerësimi i kuadrit rregullator për mbështetjen para lirimit dhe pas dënimit në Shqipëri.",
    "Shërbimi i provës harton planin e riintegrimit së bashku me të dënuarin.",
    "Punësimi pas lirimit: punëdhënësit marrin mbështetje financiare për një vit.",
]
